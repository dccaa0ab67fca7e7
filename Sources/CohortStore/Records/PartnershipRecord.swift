import CohortCore
import FluentKit
import Foundation

final class PartnershipRecord: Model, @unchecked Sendable {
    static let schema = "partnerships"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "role") var role: String
    @Field(key: "description") var description: String

    init() {}

    init(id: UUID? = nil, programID: UUID, organisationID: UUID, role: PartnerRole, description: String) {
        self.id = id
        self.programID = programID
        self.organisationID = organisationID
        self.role = role.rawValue
        self.description = description
    }
}
