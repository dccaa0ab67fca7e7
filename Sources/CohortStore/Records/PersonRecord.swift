import CohortCore
import FluentKit
import Foundation

final class PersonRecord: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "full_name") var fullName: String
    @Field(key: "country") var country: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "sector") var sector: String
    @Field(key: "position") var position: String
    @Field(key: "is_sample") var isSample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ person: Person) {
        id = person.id
        fullName = person.fullName
        country = person.country.code
        organisationID = person.organisationID
        sector = person.sector.rawValue
        position = person.position
        isSample = person.isSample
    }
}

final class EnrolmentRecord: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "role") var role: String

    init() {}

    init(_ enrolment: Enrolment) {
        programID = enrolment.programID
        personID = enrolment.personID
        role = enrolment.role.rawValue
    }
}
