import Foundation

/// A participant, facilitator, resource person or observer added to a program by staff,
/// as typed. A resource person may come from outside any organisation Cohort knows: their
/// organisation is then written out, with a short bio; nobody needs an account.
public struct PersonForm: Sendable, Equatable {
    public var fullName: String
    public var role: String
    public var email: String
    public var language: String
    public var country: String
    public var sector: String
    public var position: String
    public var organisationID: String
    public var organisationName: String
    public var bio: String

    public init(fullName: String = "", role: String = EnrolmentRole.participant.rawValue, email: String = "",
                language: String = Language.english.rawValue, country: String = "", sector: String = OrganisationKind.ngo.rawValue,
                position: String = "", organisationID: String = "", organisationName: String = "", bio: String = "") {
        self.fullName = fullName
        self.role = role
        self.email = email
        self.language = language
        self.country = country
        self.sector = sector
        self.position = position
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.bio = bio
    }

    public struct Valid: Sendable, Equatable {
        public let fullName: String
        public let role: EnrolmentRole
        /// Lower-cased; nil when the person is reached some other way.
        public let email: String?
        public let language: Language
        /// Nil only for someone other than a participant whose country was not given.
        public let country: Country?
        public let sector: OrganisationKind
        public let position: String
        public let organisationID: UUID?
        public let organisationName: String
        public let bio: String
    }

    /// Checks every field and says what is wrong with each. A participant needs an address
    /// (their agenda, surveys and certificates reach them there) and a country (reports count
    /// by country); the others need neither. `organisations` are the ids staff may choose.
    public func validated(organisations: Set<UUID>) throws -> Valid {
        var errors = FieldErrorList()
        let name = TextRules.clean(fullName)
        TextRules.requireLine(name, field: "fullName", label: "the person's full name", max: 200, into: &errors)
        let role = EnrolmentRole(rawValue: self.role)
        if role == nil { errors.add("role", "Choose the person's role in the program.") }
        let address = EmailAddress.normalise(email)
        if address.isEmpty {
            if role == .participant || role == .facilitator {
                errors.add("email", "Enter the email address the \(role!.label.lowercased()) signs in with.")
            }
        } else if !EmailAddress.isValid(address) {
            errors.add("email", "Enter an email address like name@example.org.")
        }
        let language = Language(rawValue: self.language)
        if language == nil { errors.add("language", "Choose the language messages are written in.") }
        let countryCode = TextRules.clean(self.country)
        let country = Country(code: countryCode)
        if countryCode.isEmpty {
            if role == .participant { errors.add("country", "Choose the participant's country.") }
        } else if country == nil {
            errors.add("country", "Choose a country from the list.")
        }
        let sector = OrganisationKind(rawValue: self.sector)
        if sector == nil { errors.add("sector", "Choose the sector the person works in.") }
        let position = TextRules.clean(self.position)
        TextRules.limit(position, field: "position", label: "the position", max: 200, into: &errors)
        if position.contains(where: \.isNewline) { errors.add("position", "The position must fit on one line.") }
        var organisation: UUID?
        let chosen = TextRules.clean(organisationID)
        if !chosen.isEmpty {
            organisation = UUID(uuidString: chosen).flatMap { organisations.contains($0) ? $0 : nil }
            if organisation == nil { errors.add("organisationID", "Choose an organisation from the list.") }
        }
        let organisationName = TextRules.clean(self.organisationName)
        TextRules.limit(organisationName, field: "organisationName", label: "the organisation's name", max: 200, into: &errors)
        if organisation != nil && !organisationName.isEmpty {
            errors.add("organisationName", "Either choose an organisation from the list or write one out, not both.")
        }
        let bio = TextRules.clean(self.bio)
        TextRules.limit(bio, field: "bio", label: "the bio", max: 1_000, into: &errors)
        try errors.check()
        return Valid(fullName: name, role: role!, email: address.isEmpty ? nil : address, language: language!, country: country,
                     sector: sector!, position: position, organisationID: organisation, organisationName: organisationName, bio: bio)
    }
}
