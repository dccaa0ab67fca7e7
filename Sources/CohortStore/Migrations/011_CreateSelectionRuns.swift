import FluentKit
import SQLKit

/// Saved selection runs: the form as the manager filled it, the exact instance the solver
/// read (the format of `cohort select`) and its answer, so runs can be compared and repeated.
struct CreateSelectionRuns: AsyncMigration {
    var name: String { "011_CreateSelectionRuns" }

    func prepare(on database: any Database) async throws {
        try await database.schema("selection_runs")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("form", .string, .required)
            .field("instance", .string, .required)
            .field("result", .string, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "selection_runs_call_created").on("selection_runs").column("call_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "selection_runs_call_created").run()
        try await database.schema("selection_runs").delete()
    }
}
