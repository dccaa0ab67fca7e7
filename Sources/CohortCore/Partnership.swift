import Foundation

public enum PartnerRole: String, CaseIterable, Codable, Sendable {
    case lead, partner, host, funder

    public var label: String {
        switch self {
        case .lead: "Lead organisation"
        case .partner: "Partner"
        case .host: "Host"
        case .funder: "Funder"
        }
    }

    /// Lead first, then partners, hosts, funders, as a program page lists them.
    public var order: Int { PartnerRole.allCases.firstIndex(of: self)! }
}

/// An organisation's part in a program, with the program's own words for it
/// ("Migrants, Refugees and Immigration Affairs Committee").
public struct Partnership: Hashable, Sendable {
    public var id: UUID
    public var programID: UUID
    public var organisation: Organisation
    public var role: PartnerRole
    public var description: String

    public init(id: UUID, programID: UUID, organisation: Organisation, role: PartnerRole, description: String) {
        self.id = id
        self.programID = programID
        self.organisation = organisation
        self.role = role
        self.description = description
    }
}

public struct PartnershipForm: Sendable, Codable, Equatable {
    public var organisationID: String
    public var role: String
    public var description: String

    public init(organisationID: String = "", role: String = PartnerRole.partner.rawValue, description: String = "") {
        self.organisationID = organisationID
        self.role = role
        self.description = description
    }

    public func validated() throws -> (organisationID: UUID, role: PartnerRole, description: String) {
        var errors = FieldErrorList()
        let organisation = UUID(uuidString: organisationID)
        if organisation == nil { errors.add("organisationID", "Choose an organisation.") }
        let role = PartnerRole(rawValue: self.role)
        if role == nil { errors.add("role", "Choose the organisation's role in the program.") }
        let description = TextRules.clean(self.description)
        TextRules.limit(description, field: "description", label: "the description", max: 300, into: &errors)
        try errors.check()
        return (organisation!, role!, description)
    }
}
