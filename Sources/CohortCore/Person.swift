import Foundation

/// Someone who takes part in a program: a participant, a resource person, a facilitator.
public struct Person: Hashable, Sendable {
    public var id: UUID
    public var fullName: String
    public var country: Country
    public var organisationID: UUID?
    /// The sector the person works in, which reports count ("from government, trade unions, NGOs ...").
    public var sector: OrganisationKind
    /// Their position, in their own words ("Domestic worker", "Former ambassador").
    public var position: String
    public var isSample: Bool

    public init(id: UUID, fullName: String, country: Country, organisationID: UUID?, sector: OrganisationKind,
                position: String, isSample: Bool) {
        self.id = id
        self.fullName = fullName
        self.country = country
        self.organisationID = organisationID
        self.sector = sector
        self.position = position
        self.isSample = isSample
    }
}

/// A person's role in a program.
public struct Enrolment: Hashable, Sendable {
    public var programID: UUID
    public var personID: UUID
    public var role: EnrolmentRole

    public init(programID: UUID, personID: UUID, role: EnrolmentRole) {
        self.programID = programID
        self.personID = personID
        self.role = role
    }
}
