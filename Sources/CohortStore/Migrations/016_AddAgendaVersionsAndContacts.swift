import FluentKit
import SQLKit

/// Published versions of a module's agenda (what everyone but the editors sees, and what a
/// change message compares), and how to reach the people of a program: the address their
/// sign-in links and agenda messages go to, the language they read, and, for resource persons
/// who are not of any organisation in Cohort, their organisation as written and a short bio.
struct AddAgendaVersionsAndContacts: AsyncMigration {
    var name: String { "016_AddAgendaVersionsAndContacts" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        // One column per statement: SQLite adds no more at once.
        for column in ["email TEXT", "language TEXT NOT NULL DEFAULT 'en'", "organisation_name TEXT NOT NULL DEFAULT ''",
                       "bio TEXT NOT NULL DEFAULT ''"] {
            try await sql.raw("ALTER TABLE people ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await sql.create(index: "people_email").on("people").column("email").run()
        try await database.schema("agenda_versions")
            .id()
            .field("module_id", .uuid, .required, .references("program_modules", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("note", .string, .required)
            // The sessions as published, as JSON: a version is read whole and never queried into.
            .field("entries", .string, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .uuid, .references("accounts", "id", onDelete: .setNull))
            .unique(on: "module_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agenda_versions").delete()
        do { let sql = try database.sql()
            try await sql.drop(index: "people_email").run()
        }
        for column in ["bio", "organisation_name", "language", "email"] {
            try await database.schema("people").deleteField(.key(.string(column))).update()
        }
    }
}
