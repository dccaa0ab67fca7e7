import FluentKit

/// The parts of a program: partners, modules and countries. Each goes with its program.
struct CreateProgramParts: AsyncMigration {
    var name: String { "004_CreateProgramParts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("partnerships")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("role", .string, .required)
            .field("description", .string, .required)
            .unique(on: "program_id", "organisation_id", "role")
            .create()
        try await database.schema("program_modules")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("city", .string, .required)
            .field("country", .string)
            .field("format", .string, .required)
            .field("is_illustrative", .bool, .required)
            .unique(on: "program_id", "number")
            .create()
        try await database.schema("program_countries")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("country", .string, .required)
            .field("role", .string, .required)
            .field("display_name", .string)
            .unique(on: "program_id", "country")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_countries").delete()
        try await database.schema("program_modules").delete()
        try await database.schema("partnerships").delete()
    }
}
