import FluentKit
import SQLKit

/// Uploaded files, staff API tokens, the eligibility override's author, the submit's
/// idempotency key, and the indexes that keep a call's list fast at 100,000 applications.
struct AddFilesTokensAndListIndexes: AsyncMigration {
    var name: String { "009_AddFilesTokensAndListIndexes" }

    func prepare(on database: any Database) async throws {
        // Bumped in the same transaction as any change to a column staff filter on, so
        // counts and totals can be kept per call until the next such change.
        let sql = try database.sql()
        try await sql.raw("ALTER TABLE calls ADD COLUMN facet_version BIGINT NOT NULL DEFAULT 0").run()
        try await database.schema("applications").field("submit_key", .string).update()
        try await database.schema("applications").field("eligibility_override_by", .uuid).update()
        try await database.schema("applications").field("eligibility_override_at", .datetime).update()
        // Files live in the database beside the application, so a backup holds both.
        try await database.schema("application_files")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("question_key", .string, .required)
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("byte_size", .int, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await sql.create(index: "application_files_application").on("application_files").column("application_id").run()
        try await sql.create(index: "applications_call_nationality_name").on("applications")
            .column("call_id").column("nationality").column("full_name").column("id").run()
        try await sql.create(index: "applications_call_name").on("applications").column("call_id").column("full_name").column("id").run()
        try await sql.create(index: "applications_call_reference").on("applications").column("call_id").column("reference").column("id").run()
        try await sql.create(index: "applications_call_status_created").on("applications")
            .column("call_id").column("status").column("created_at").column("id").run()
    }

    func revert(on database: any Database) async throws {
        do { let sql = try database.sql()
            for index in ["applications_call_nationality_name", "applications_call_name", "applications_call_reference",
                          "applications_call_status_created"] {
                try await sql.drop(index: index).run()
            }
        }
        try await database.schema("api_tokens").delete()
        try await database.schema("application_files").delete()
        try await database.schema("applications").deleteField("eligibility_override_at").update()
        try await database.schema("applications").deleteField("eligibility_override_by").update()
        try await database.schema("applications").deleteField("submit_key").update()
        try await database.schema("calls").deleteField("facet_version").update()
    }
}
