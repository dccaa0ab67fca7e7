import FluentKit
import SQLKit

/// How participants, facilitators and resource persons reach their own pages without a
/// password: sign-in links sent by email (`person_links`, each good once and for a short
/// while), the sessions those links open (`person_sessions`), and each address's private
/// calendar feed (`person_feeds`, revoked by making a new one). All are keyed by the address,
/// not by a `people` row: one person enrolled in two programs has two rows and one inbox.
/// Only hashes of tokens are kept. `people.certificate_name` is the name a person wants
/// printed on their certificates (empty: their full name).
struct AddPersonSignIn: AsyncMigration {
    var name: String { "017_AddPersonSignIn" }

    func prepare(on database: any Database) async throws {
        try await database.schema("person_links")
            .id()
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("person_sessions")
            .id()
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("person_feeds")
            .id()
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = try database.sql()
        try await sql.raw("ALTER TABLE people ADD COLUMN certificate_name TEXT NOT NULL DEFAULT ''").run()
        try await sql.create(index: "person_links_email").on("person_links").column("email").run()
        try await sql.create(index: "person_sessions_email").on("person_sessions").column("email").run()
        try await sql.create(index: "person_feeds_email").on("person_feeds").column("email").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").deleteField("certificate_name").update()
        try await database.schema("person_feeds").delete()
        try await database.schema("person_sessions").delete()
        try await database.schema("person_links").delete()
    }
}
