import FluentKit
import SQLKit

/// A module's agenda: its venue's time zone (agenda times are shown and checked in it), its
/// sessions, and the facilitators and resource persons of each session.
struct CreateAgenda: AsyncMigration {
    var name: String { "015_CreateAgenda" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.raw("ALTER TABLE program_modules ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'").run()
        try await database.schema("agenda_sessions")
            .id()
            .field("module_id", .uuid, .required, .references("program_modules", "id", onDelete: .cascade))
            .field("start_at", .datetime, .required)
            .field("end_at", .datetime, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("kind", .string, .required)
            .field("room", .string, .required)
            .field("topics", .string, .required)
            .field("visibility", .string, .required)
            .field("is_cancelled", .bool, .required)
            // Goes up with every change, for calendar programs (iCalendar's SEQUENCE).
            .field("sequence", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("session_speakers")
            .id()
            .field("session_id", .uuid, .required, .references("agenda_sessions", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .unique(on: "session_id", "person_id")
            .create()
        try await sql.create(index: "agenda_sessions_module_start").on("agenda_sessions").column("module_id").column("start_at").run()
        try await sql.create(index: "session_speakers_person").on("session_speakers").column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        do { let sql = try database.sql()
            try await sql.drop(index: "session_speakers_person").run()
            try await sql.drop(index: "agenda_sessions_module_start").run()
        }
        try await database.schema("session_speakers").delete()
        try await database.schema("agenda_sessions").delete()
        try await database.schema("program_modules").deleteField("time_zone").update()
    }
}
