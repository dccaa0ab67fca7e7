import FluentKit

/// Calls for applications and the versions of their forms.
struct CreateCalls: AsyncMigration {
    var name: String { "007_CreateCalls" }

    func prepare(on database: any Database) async throws {
        try await database.schema("calls")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("time_zone", .string, .required)
            .field("grace_minutes", .int, .required)
            .field("languages", .string, .required)
            .field("target_cohort_size", .int)
            .field("privacy_notice", .string, .required)
            .field("contact_email", .string, .required)
            .field("is_published", .bool, .required)
            .field("allows_editing_after_submit", .bool, .required)
            .field("reference_prefix", .string, .required)
            .field("last_reference_number", .int, .required)
            .field("eligibility", .string, .required)
            .field("form_version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("call_forms")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "call_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("call_forms").delete()
        try await database.schema("calls").delete()
    }
}
