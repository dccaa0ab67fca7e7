import FluentKit
import SQLKit

/// Review: the rubric and review settings on a call, reviewers' organisations (for conflicts),
/// assignments, declared conflicts and the reviews themselves.
struct CreateReviewTables: AsyncMigration {
    var name: String { "010_CreateReviewTables" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await database.schema("calls").field("rubric", .string).update()
        try await sql.raw("ALTER TABLE calls ADD COLUMN blind_review BOOLEAN NOT NULL DEFAULT FALSE").run()
        try await sql.raw("ALTER TABLE calls ADD COLUMN reviews_avoid_same_country BOOLEAN NOT NULL DEFAULT FALSE").run()
        // A partner organisation's staff member reviews; their organisation decides conflicts.
        try await database.schema("accounts").field("organisation_id", .uuid).update()
        try await database.schema("review_assignments")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("assigned_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "application_id", "reviewer_id")
            .create()
        try await database.schema("review_conflicts")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "application_id", "reviewer_id")
            .create()
        try await database.schema("reviews")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("scores", .string, .required)
            .field("comment", .string, .required)
            .field("recommendation", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "application_id", "reviewer_id")
            .create()
        try await sql.create(index: "review_assignments_call_reviewer").on("review_assignments").column("call_id").column("reviewer_id").run()
        try await sql.create(index: "reviews_call").on("reviews").column("call_id").run()
    }

    func revert(on database: any Database) async throws {
        do { let sql = try database.sql()
            try await sql.drop(index: "reviews_call").run()
            try await sql.drop(index: "review_assignments_call_reviewer").run()
        }
        try await database.schema("reviews").delete()
        try await database.schema("review_conflicts").delete()
        try await database.schema("review_assignments").delete()
        try await database.schema("accounts").deleteField("organisation_id").update()
        try await database.schema("calls").deleteField("reviews_avoid_same_country").update()
        try await database.schema("calls").deleteField("blind_review").update()
        try await database.schema("calls").deleteField("rubric").update()
    }
}
