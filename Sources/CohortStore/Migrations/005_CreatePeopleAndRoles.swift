import FluentKit

/// People and their enrolments, and accounts' roles per program.
struct CreatePeopleAndRoles: AsyncMigration {
    var name: String { "005_CreatePeopleAndRoles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .id()
            .field("full_name", .string, .required)
            .field("country", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("sector", .string, .required)
            .field("position", .string, .required)
            .field("is_sample", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("enrolments")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "program_id", "person_id", "role")
            .create()
        try await database.schema("program_memberships")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "program_id", "account_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_memberships").delete()
        try await database.schema("enrolments").delete()
        try await database.schema("people").delete()
    }
}
