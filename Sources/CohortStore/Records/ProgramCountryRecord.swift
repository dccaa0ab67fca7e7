import CohortCore
import FluentKit
import Foundation

final class ProgramCountryRecord: Model, @unchecked Sendable {
    static let schema = "program_countries"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "country") var country: String
    @Field(key: "role") var role: String
    @OptionalField(key: "display_name") var displayName: String?

    init() {}

    init(_ value: ProgramCountry) {
        programID = value.programID
        country = value.country.code
        role = value.role.rawValue
        displayName = value.displayName
    }

    func value() throws -> ProgramCountry {
        guard let code = Country(code: country) else { throw StoreError.corrupt(table: Self.schema, column: "country") }
        return ProgramCountry(programID: programID, country: code, role: try stored(role, table: Self.schema, column: "role"),
                              displayName: displayName)
    }
}
