import FluentKit
import SQLKit

/// Sessions, sign-in failures and the public content version.
struct CreateSecurityTables: AsyncMigration {
    var name: String { "006_CreateSecurityTables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("auth_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("account_key", .string, .required)
            .field("address_key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await database.schema("content_versions")
            .field("name", .string, .identifier(auto: false))
            .field("version", .int, .required)
            .create()
        do { let sql = try database.sql()
            try await sql.create(index: "sign_in_failures_account").on("sign_in_failures").column("account_key").run()
            try await sql.create(index: "sign_in_failures_address").on("sign_in_failures").column("address_key").run()
            try await sql.create(index: "auth_sessions_account").on("auth_sessions").column("account_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("content_versions").delete()
        try await database.schema("sign_in_failures").delete()
        try await database.schema("auth_sessions").delete()
    }
}
