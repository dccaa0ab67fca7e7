import FluentKit
import SQLKit

/// Surveys and their answers. A response is written apart from the record that its person
/// has answered (`survey_respondents`), so an anonymous response holds no person and no link
/// to one, and a paired response only a pseudonym; both keep the day, never the time. A
/// draft links the person to what they typed until they submit, and is deleted then.
struct CreateSurveys: AsyncMigration {
    var name: String { "022_CreateSurveys" }

    func prepare(on database: any Database) async throws {
        try await database.schema("surveys")
            .id()
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("privacy", .string, .required)
            .field("pair_id", .uuid)
            .field("title", .string, .required)
            .field("intro", .string, .required)
            .field("definition", .string, .required)
            .field("audience_kind", .string, .required)
            .field("audience_id", .uuid)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("time_zone", .string, .required)
            .field("reminder_days", .int)
            .field("last_reminded_at", .datetime)
            .field("is_sample", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("survey_drafts")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("answers", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "survey_id", "person_id")
            .create()
        // The unique pair is what makes a second submission impossible, even from two tabs at once.
        try await database.schema("survey_respondents")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("responded_on", .string, .required)
            .unique(on: "survey_id", "person_id")
            .create()
        try await database.schema("survey_responses")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("person_id", .uuid, .references("people", "id", onDelete: .cascade))
            .field("pseudonym", .string)
            .field("answers", .string, .required)
            .field("groups", .string, .required)
            .field("language", .string, .required)
            .field("submitted_on", .string, .required)
            .field("submitted_at", .datetime)
            .create()
        try await database.schema("session_needs")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("topic", .string, .required)
            .field("session_id", .uuid, .required, .references("agenda_sessions", "id", onDelete: .cascade))
            .unique(on: "survey_id", "topic", "session_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "surveys_program").on("surveys").column("program_id").run()
        try await sql.create(index: "survey_responses_survey").on("survey_responses").column("survey_id").run()
        try await sql.create(index: "survey_drafts_person").on("survey_drafts").column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["session_needs", "survey_responses", "survey_respondents", "survey_drafts", "surveys"] {
            try await database.schema(table).delete()
        }
    }
}
