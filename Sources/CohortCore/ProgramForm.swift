import Foundation

/// The program details form as typed, before validation.
public struct ProgramForm: Sendable, Codable, Equatable {
    public var slug: String
    public var title: String
    public var theme: String
    public var hostCountry: String
    public var startDate: String
    public var endDate: String
    public var summary: String
    public var description: String
    public var status: String
    public var leadOrganisationID: String

    public init(slug: String = "", title: String = "", theme: String = "", hostCountry: String = "",
                startDate: String = "", endDate: String = "", summary: String = "", description: String = "",
                status: String = ProgramStatus.draft.rawValue, leadOrganisationID: String = "") {
        self.slug = slug
        self.title = title
        self.theme = theme
        self.hostCountry = hostCountry
        self.startDate = startDate
        self.endDate = endDate
        self.summary = summary
        self.description = description
        self.status = status
        self.leadOrganisationID = leadOrganisationID
    }

    public init(_ program: Program) {
        self.init(slug: program.slug, title: program.title, theme: program.theme, hostCountry: program.hostCountry.code,
                  startDate: program.startDate.iso, endDate: program.endDate.iso, summary: program.summary,
                  description: program.description, status: program.status.rawValue,
                  leadOrganisationID: program.leadOrganisationID?.uuidString ?? "")
    }

    /// Builds the program this form describes, keeping `id` and the sample flag of the original.
    public func validated(id: UUID, isSample: Bool = false) throws -> Program {
        var errors = FieldErrorList()
        let slug = TextRules.clean(self.slug).lowercased()
        if slug.isEmpty {
            errors.add("slug", "Enter a short web address for the program, like mwp-2017.")
        } else if !Slug.isValid(slug) {
            errors.add("slug", "Use 3 to \(Slug.maxLength) lower-case letters, digits and single hyphens, like mwp-2017.")
        }
        let title = TextRules.clean(self.title)
        TextRules.requireLine(title, field: "title", label: "a title", max: 200, into: &errors)
        let theme = TextRules.clean(self.theme)
        TextRules.requireLine(theme, field: "theme", label: "a theme, like the rights of migrant workers", max: 200, into: &errors)
        let host = Country(code: hostCountry)
        if host == nil { errors.add("hostCountry", "Choose the host country.") }
        let start = CalendarDate(iso: startDate)
        let end = CalendarDate(iso: endDate)
        if start == nil { errors.add("startDate", "Enter the start date as a real date, like 2017-11-06.") }
        if end == nil { errors.add("endDate", "Enter the end date as a real date, like 2018-03-30.") }
        if let start, let end, end < start { errors.add("endDate", "The end date must be on or after the start date.") }
        let summary = TextRules.clean(self.summary)
        TextRules.requireLine(summary, field: "summary", label: "a one-sentence summary", max: 400, into: &errors)
        let description = TextRules.clean(self.description)
        TextRules.limit(description, field: "description", label: "the description", max: 20_000, into: &errors)
        let status = ProgramStatus(rawValue: self.status)
        if status == nil { errors.add("status", "Choose a status.") }
        var lead: UUID?
        if !leadOrganisationID.isEmpty {
            lead = UUID(uuidString: leadOrganisationID)
            if lead == nil { errors.add("leadOrganisationID", "Choose the lead organisation from the list.") }
        }
        try errors.check()
        return Program(id: id, slug: slug, title: title, theme: theme, hostCountry: host!, startDate: start!,
                       endDate: end!, summary: summary, description: description, status: status!,
                       leadOrganisationID: lead, isSample: isSample)
    }
}
