import FluentKit

/// Exports of a program's lists (its participants), recorded like the exports of a call's
/// applications: who, which list, with which filter, with or without names, how many rows.
struct CreateProgramExports: AsyncMigration {
    var name: String { "020_CreateProgramExports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("program_exports")
            .id()
            .field("account_id", .uuid, .required)
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("list", .string, .required)
            .field("filter", .string, .required)
            .field("with_identities", .bool, .required)
            .field("row_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_exports").delete()
    }
}
