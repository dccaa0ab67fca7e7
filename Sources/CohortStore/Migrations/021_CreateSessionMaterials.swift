import FluentKit
import SQLKit

/// A session's materials: links, or files kept in the database like applicants' files.
/// They go with the session, not with an agenda version: adding a handout needs no new
/// publication, and readers see it with the session as long as they may see the session.
struct CreateSessionMaterials: AsyncMigration {
    var name: String { "021_CreateSessionMaterials" }

    func prepare(on database: any Database) async throws {
        try await database.schema("session_materials")
            .id()
            .field("session_id", .uuid, .required, .references("agenda_sessions", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("url", .string)
            .field("file_name", .string)
            .field("kind", .string)
            .field("byte_size", .int)
            .field("data", .data)
            .field("created_by", .uuid, .references("accounts", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql().create(index: "session_materials_session").on("session_materials").column("session_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("session_materials").delete()
    }
}
