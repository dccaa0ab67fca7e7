import FluentKit

/// Decisions sent from a selection run, one per application, and the accepted applicants' answers.
struct CreateSelectionDecisions: AsyncMigration {
    var name: String { "012_CreateSelectionDecisions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("selection_decisions")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("run_id", .uuid, .required, .references("selection_runs", "id", onDelete: .cascade))
            .field("reference", .string, .required)
            .field("outcome", .string, .required)
            .field("respond_by", .datetime)
            .field("waitlist_rank", .int)
            .field("response", .string)
            .field("responded_at", .datetime)
            .field("person_id", .uuid)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("selection_decisions").delete()
    }
}
