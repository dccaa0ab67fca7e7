import CohortCore
import FluentKit
import Foundation

final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "acronym") var acronym: String?
    @OptionalField(key: "country") var country: String?
    @Field(key: "kind") var kind: String
    @Field(key: "is_sample") var isSample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ organisation: Organisation) {
        self.id = organisation.id
        apply(organisation)
    }

    func apply(_ organisation: Organisation) {
        name = organisation.name
        acronym = organisation.acronym
        country = organisation.country?.code
        kind = organisation.kind.rawValue
        isSample = organisation.isSample
    }

    func value() throws -> Organisation {
        Organisation(id: try requireID(), name: name, acronym: acronym, country: country.flatMap(Country.init(code:)),
                     kind: try stored(kind, table: Self.schema, column: "kind"), isSample: isSample)
    }
}
