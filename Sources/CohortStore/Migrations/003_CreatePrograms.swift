import FluentKit

struct CreatePrograms: AsyncMigration {
    var name: String { "003_CreatePrograms" }

    func prepare(on database: any Database) async throws {
        try await database.schema("programs")
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("theme", .string, .required)
            .field("host_country", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("summary", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("lead_organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("is_sample", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programs").delete()
    }
}
