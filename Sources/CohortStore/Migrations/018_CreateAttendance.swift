import FluentKit
import SQLKit

/// Who attended which session (`attendance`: one row for each person present, with who marked
/// it: the facilitator's list, the staff, or the person's own check-in), the code a session
/// shows for self check-in, and each module's completion rule (what share of its sessions or
/// hours a participant must attend for its certificate).
struct CreateAttendance: AsyncMigration {
    var name: String { "018_CreateAttendance" }

    func prepare(on database: any Database) async throws {
        try await database.schema("attendance")
            .id()
            .field("session_id", .uuid, .required, .references("agenda_sessions", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("marked_by", .string, .required)
            .field("marked_at", .datetime, .required)
            .unique(on: "session_id", "person_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "attendance_person").on("attendance").column("person_id").run()
        try await sql.raw("ALTER TABLE agenda_sessions ADD COLUMN check_in_code TEXT").run()
        try await sql.create(index: "agenda_sessions_check_in_code").on("agenda_sessions").column("check_in_code").run()
        try await sql.raw("ALTER TABLE program_modules ADD COLUMN completion_measure TEXT NOT NULL DEFAULT 'sessions'").run()
        try await sql.raw("ALTER TABLE program_modules ADD COLUMN completion_percent INTEGER NOT NULL DEFAULT 80").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_modules").deleteField("completion_percent").update()
        try await database.schema("program_modules").deleteField("completion_measure").update()
        do { let sql = try database.sql()
            try await sql.drop(index: "agenda_sessions_check_in_code").run()
        }
        try await database.schema("agenda_sessions").deleteField("check_in_code").update()
        try await database.schema("attendance").delete()
    }
}
