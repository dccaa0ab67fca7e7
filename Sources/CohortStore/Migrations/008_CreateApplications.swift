import FluentKit
import SQLKit

/// Applications and the outbox of messages written with them.
struct CreateApplications: AsyncMigration {
    var name: String { "008_CreateApplications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("language", .string, .required)
            .field("form_version", .int, .required)
            .field("answers", .string, .required)
            .field("status", .string, .required)
            .field("reference", .string)
            .field("submitted_at", .datetime)
            // Facts read from the answers at every save, for filters and sorting.
            .field("full_name", .string, .required)
            .field("nationality", .string, .required)
            .field("residence", .string, .required)
            .field("sector", .string, .required)
            .field("gender", .string, .required)
            .field("search_text", .string, .required)
            .field("is_eligible", .bool, .required)
            .field("ineligibility_reasons", .string, .required)
            .field("eligibility_override", .bool)
            .field("eligibility_note", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "call_id", "email")
            .unique(on: "reference")
            .create()
        // Private links: one row per link sent, so asking again never breaks an earlier link.
        try await database.schema("application_tokens")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("export_records")
            .id()
            .field("account_id", .uuid, .required)
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("filter", .string, .required)
            .field("with_identities", .bool, .required)
            .field("row_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("outbox_messages")
            .id()
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .create()
        do { let sql = try database.sql()
            try await sql.create(index: "applications_call_status").on("applications").column("call_id").column("status").run()
            try await sql.create(index: "applications_call_created").on("applications").column("call_id").column("created_at").column("id").run()
            try await sql.create(index: "outbox_pending").on("outbox_messages").column("sent_at").column("next_attempt_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_messages").delete()
        try await database.schema("export_records").delete()
        try await database.schema("application_tokens").delete()
        try await database.schema("applications").delete()
    }
}
