import Foundation

public struct Organisation: Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String
    public var acronym: String?
    public var country: Country?
    public var kind: OrganisationKind
    public var isSample: Bool

    public init(id: UUID, name: String, acronym: String?, country: Country?, kind: OrganisationKind, isSample: Bool = false) {
        self.id = id
        self.name = name
        self.acronym = acronym
        self.country = country
        self.kind = kind
        self.isSample = isSample
    }

    /// "Migrant Forum in Asia (MFA)".
    public var displayName: String {
        guard let acronym, !acronym.isEmpty else { return name }
        return "\(name) (\(acronym))"
    }
}

/// What a person typed into the organisation form, before it is trusted.
public struct OrganisationForm: Sendable, Codable, Equatable {
    public var name: String
    public var acronym: String
    public var country: String
    public var kind: String

    public init(name: String = "", acronym: String = "", country: String = "", kind: String = "") {
        self.name = name
        self.acronym = acronym
        self.country = country
        self.kind = kind
    }

    public init(_ organisation: Organisation) {
        self.init(name: organisation.name, acronym: organisation.acronym ?? "",
                  country: organisation.country?.code ?? "", kind: organisation.kind.rawValue)
    }

    /// The validated values, or every problem at once.
    public func validated() throws -> (name: String, acronym: String?, country: Country?, kind: OrganisationKind) {
        var errors = FieldErrorList()
        let name = TextRules.clean(self.name)
        TextRules.requireLine(name, field: "name", label: "the organisation's name", max: 200, into: &errors)
        let acronym = TextRules.clean(self.acronym)
        TextRules.limit(acronym, field: "acronym", label: "the acronym", max: 20, into: &errors)
        var country: Country?
        if !self.country.trimmingCharacters(in: .whitespaces).isEmpty {
            country = Country(code: self.country)
            if country == nil { errors.add("country", "Choose a country from the list, or leave it empty.") }
        }
        let kind = OrganisationKind(rawValue: self.kind)
        if kind == nil { errors.add("kind", "Choose what kind of organisation this is.") }
        try errors.check()
        return (name, acronym.isEmpty ? nil : acronym, country, kind!)
    }
}
