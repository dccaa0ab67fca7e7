import FluentKit
import SQLKit

/// Private links expire when unused for a while (`last_used_at`) or when a newer one is
/// sent (`retired_at`: kept, so that an old link says why it stopped working), and every start of an
/// application is counted (`start_attempts`, keyed by pseudonyms of the address and the
/// client, never the address itself) to limit how many links anyone can have sent.
struct AddLinkExpiryAndStartAttempts: AsyncMigration {
    var name: String { "014_AddLinkExpiryAndStartAttempts" }

    func prepare(on database: any Database) async throws {
        // Links made before this migration count as used when they were made.
        try await database.schema("application_tokens").field("last_used_at", .datetime).update()
        try await database.schema("application_tokens").field("retired_at", .datetime).update()
        try await database.schema("start_attempts")
            .id()
            .field("address_key", .string, .required)
            .field("client_key", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "start_attempts_address").on("start_attempts").column("address_key").column("attempted_at").run()
        try await sql.create(index: "start_attempts_client").on("start_attempts").column("client_key").column("attempted_at").run()
        try await sql.create(index: "application_tokens_application").on("application_tokens").column("application_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("start_attempts").delete()
        do { let sql = try database.sql()
            try await sql.drop(index: "application_tokens_application").run()
        }
        try await database.schema("application_tokens").deleteField("retired_at").update()
        try await database.schema("application_tokens").deleteField("last_used_at").update()
    }
}
