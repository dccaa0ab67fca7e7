import Foundation

/// Which applications a staff list shows, read from a bookmarkable GET query.
public struct ApplicationFilter: Equatable, Sendable {
    public var status: ApplicationStatus?
    public var eligible: Bool?
    public var nationality: String?
    public var sector: String?
    public var gender: String?
    public var language: Language?
    public var submittedFrom: CalendarDate?
    public var submittedTo: CalendarDate?
    /// Matches name, email or reference, ignoring case.
    public var search: String?

    public init(status: ApplicationStatus? = nil, eligible: Bool? = nil, nationality: String? = nil, sector: String? = nil,
                gender: String? = nil, language: Language? = nil, submittedFrom: CalendarDate? = nil,
                submittedTo: CalendarDate? = nil, search: String? = nil) {
        self.status = status
        self.eligible = eligible
        self.nationality = nationality
        self.sector = sector
        self.gender = gender
        self.language = language
        self.submittedFrom = submittedFrom
        self.submittedTo = submittedTo
        self.search = search
    }

    /// Reads the query's values; anything unknown is ignored rather than refused.
    public init(query value: (String) -> String?) {
        func clean(_ key: String) -> String? {
            guard let raw = value(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return String(raw.prefix(100))
        }
        self.init(status: clean("status").flatMap(ApplicationStatus.init(rawValue:)),
                  eligible: clean("eligible").flatMap { $0 == "yes" ? true : ($0 == "no" ? false : nil) },
                  nationality: clean("nationality")?.uppercased(), sector: clean("sector"), gender: clean("gender"),
                  language: clean("language").flatMap(Language.init(rawValue:)),
                  submittedFrom: clean("from").flatMap(CalendarDate.init(iso:)), submittedTo: clean("to").flatMap(CalendarDate.init(iso:)),
                  search: clean("q")?.lowercased())
    }

    /// For the API, where a misspelt filter must not silently widen the result: each value
    /// given that is not understood, with what is expected.
    public static func problems(query value: (String) -> String?) -> [FieldError] {
        var errors = FieldErrorList()
        func given(_ key: String) -> String? {
            guard let raw = value(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        if let status = given("status"), ApplicationStatus(rawValue: status) == nil {
            errors.add("status", "Use one of: \(ApplicationStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let eligible = given("eligible"), !["yes", "no"].contains(eligible) { errors.add("eligible", "Use yes or no.") }
        if let language = given("language"), Language(rawValue: language) == nil {
            errors.add("language", "Use one of: \(Language.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        for key in ["from", "to"] {
            if let date = given(key), CalendarDate(iso: date) == nil { errors.add(key, "Use a date like 2017-08-14.") }
        }
        if let sort = given("sort"), ApplicationSort(rawValue: sort) == nil {
            errors.add("sort", "Use one of: \(ApplicationSort.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let after = given("after"), ListCursor(token: after) == nil { errors.add("after", "Use the cursor a previous page returned as next.") }
        if let limit = given("limit"), !(Int(limit).map { (1...200).contains($0) } ?? false) { errors.add("limit", "Use a whole number from 1 to 200.") }
        return errors.errors
    }

    /// The query string that reproduces this filter (for links and the export record).
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let status { items.append(("status", status.rawValue)) }
        if let eligible { items.append(("eligible", eligible ? "yes" : "no")) }
        if let nationality { items.append(("nationality", nationality)) }
        if let sector { items.append(("sector", sector)) }
        if let gender { items.append(("gender", gender)) }
        if let language { items.append(("language", language.rawValue)) }
        if let submittedFrom { items.append(("from", submittedFrom.iso)) }
        if let submittedTo { items.append(("to", submittedTo.iso)) }
        if let search { items.append(("q", search)) }
        return items
    }
}

public enum ApplicationSort: String, CaseIterable, Sendable {
    case newest, oldest, name, reference
}

/// Where the next page starts: the sort value and id of the last row shown.
public struct ListCursor: Equatable, Sendable {
    public var value: String
    public var id: UUID

    public init(value: String, id: UUID) {
        self.value = value
        self.id = id
    }

    public var token: String {
        Data("\(value)\u{1F}\(id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { return nil }
        self.init(value: String(parts[0]), id: id)
    }
}

/// One row of the staff list.
public struct ApplicationSummary: Equatable, Sendable {
    public var id: UUID
    public var reference: String?
    public var status: ApplicationStatus
    public var fullName: String
    public var email: String
    public var nationality: String
    public var sector: String
    public var gender: String
    public var language: Language
    public var isEligible: Bool
    public var ineligibilityReasons: [String]
    public var createdAt: Date
    public var submittedAt: Date?

    public init(id: UUID, reference: String?, status: ApplicationStatus, fullName: String, email: String, nationality: String,
                sector: String, gender: String, language: Language, isEligible: Bool, ineligibilityReasons: [String],
                createdAt: Date, submittedAt: Date?) {
        self.id = id
        self.reference = reference
        self.status = status
        self.fullName = fullName
        self.email = email
        self.nationality = nationality
        self.sector = sector
        self.gender = gender
        self.language = language
        self.isEligible = isEligible
        self.ineligibilityReasons = ineligibilityReasons
        self.createdAt = createdAt
        self.submittedAt = submittedAt
    }
}
