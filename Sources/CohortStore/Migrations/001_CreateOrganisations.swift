import FluentKit

struct CreateOrganisations: AsyncMigration {
    var name: String { "001_CreateOrganisations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("acronym", .string)
            .field("country", .string)
            .field("kind", .string, .required)
            .field("is_sample", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
