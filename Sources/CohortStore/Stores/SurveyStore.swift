import CohortCore
import Foundation
import SQLKit

/// Surveys, who is asked, drafts, responses and reminders. Submitting writes the response,
/// the record that its person has answered and the end of their draft in one transaction,
/// so a response is never lost, never doubled, and, for a protected survey, never stored
/// with anything that leads to its person.
public struct SurveyStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    // MARK: Surveys

    public func create(_ survey: Survey, now: Date) async throws {
        try await db.write { sql in try SurveySQL.insert(survey, now: now, on: sql) }
    }

    /// Saves a survey's settings. Its privacy, kind and questions stay as they were once anyone has answered.
    public func update(_ survey: Survey, now: Date) async throws {
        try await db.write { sql in
            guard let current = try SurveySQL.find(survey.id, on: sql), current.programID == survey.programID else {
                throw DomainError.notFound("survey")
            }
            if try SurveySQL.responseCount(surveyID: survey.id, on: sql) > 0,
               current.privacy != survey.privacy || current.kind != survey.kind || current.form != survey.form {
                throw DomainError.refused("People have answered this survey: its privacy and questions can no longer change.")
            }
            try SurveySQL.update(survey, now: now, on: sql)
        }
    }

    public func survey(_ id: UUID) async throws -> Survey? {
        try await db.read { sql in try SurveySQL.find(id, on: sql) }
    }

    /// A program's surveys, opening first, each with how many have answered.
    public func surveys(programID: UUID) async throws -> [(survey: Survey, responses: Int)] {
        try await db.read { sql in
            try SurveySQL.all(where: "program_id = \(bind: programID)", on: sql).map { ($0, try SurveySQL.responseCount(surveyID: $0.id, on: sql)) }
        }
    }

    /// The program's paired surveys that can pair with one of `kind` (the other half, not yet paired).
    public func pairable(programID: UUID) async throws -> [Survey] {
        try await db.read { sql in try SurveySQL.all(where: "program_id = \(bind: programID) AND privacy = \(bind: SurveyPrivacy.paired.rawValue)", on: sql) }
    }

    // MARK: Who is asked

    public struct Invitee: Sendable, Hashable {
        public let personID: UUID
        public let email: String?
        public let name: String
        public let language: Language
    }

    public func audience(_ survey: Survey) async throws -> [Invitee] {
        try await db.read { sql in try SurveySQL.audience(survey, on: sql) }
    }

    /// The surveys a person is asked to answer, in their programs (`people`: their rows), with whether they have.
    public func surveys(for people: Set<UUID>) async throws -> [(survey: Survey, personID: UUID, responded: Bool, hasDraft: Bool)] {
        guard !people.isEmpty else { return [] }
        return try await db.read { sql in
            let programs = try sql.rows("SELECT DISTINCT program_id FROM enrolments WHERE person_id IN \(SQLBind.group(Array(people)))")
                .map { try $0.decode(column: "program_id", as: UUID.self) }
            guard !programs.isEmpty else { return [] }
            var found: [(Survey, UUID, Bool, Bool)] = []
            for survey in try SurveySQL.all(where: "program_id IN \(SQLBind.group(programs))", on: sql) {
                let asked = try SurveySQL.audience(survey, on: sql).map(\.personID)
                guard let person = asked.first(where: people.contains) else { continue }
                found.append((survey, person, try SurveySQL.hasResponded(surveyID: survey.id, personID: person, on: sql),
                              try SurveySQL.draft(surveyID: survey.id, personID: person, on: sql) != nil))
            }
            return found
        }
    }

    // MARK: Answering

    /// Where a person stands with a survey.
    public enum Standing: Sendable, Equatable {
        case notAsked
        case answering([String: Answer])
        case responded
    }

    public func standing(surveyID: UUID, personID: UUID) async throws -> Standing {
        try await db.read { sql in try Self.standing(surveyID: surveyID, personID: personID, on: sql) }
    }

    static func standing(surveyID: UUID, personID: UUID, on sql: any SyncSQL) throws -> Standing {
        guard let survey = try SurveySQL.find(surveyID, on: sql),
              try SurveySQL.audience(survey, on: sql).contains(where: { $0.personID == personID }) else { return .notAsked }
        if try SurveySQL.hasResponded(surveyID: surveyID, personID: personID, on: sql) { return .responded }
        return .answering(try SurveySQL.draft(surveyID: surveyID, personID: personID, on: sql) ?? [:])
    }

    /// Saves a page's answers into the person's draft, whatever they are (nothing typed is
    /// thrown away), also after the survey closed. Returns the draft as saved; refused once they have responded.
    public func saveDraft(surveyID: UUID, personID: UUID, answers: [String: Answer], now: Date) async throws -> [String: Answer] {
        try await db.write { sql in
            switch try Self.standing(surveyID: surveyID, personID: personID, on: sql) {
            case .notAsked: throw DomainError.notFound("survey")
            case .responded: throw DomainError.refused("You have already answered this survey.")
            case .answering(let draft):
                let merged = draft.merging(answers) { $1 }
                try SurveySQL.saveDraft(surveyID: surveyID, personID: personID, answers: merged, now: now, on: sql)
                return merged
            }
        }
    }

    public enum SubmitOutcome: Sendable, Equatable {
        case submitted
        /// A second click, another tab or a retry: the first response stands and nothing is added.
        case alreadySubmitted
        /// After closing: refused, and the draft is kept.
        case closed
        case notYetOpen
        /// Answers still missing or wrong, by question key.
        case incomplete([String: AnswerProblem])
    }

    /// Submits the person's draft as their response.
    /// - Parameter pseudonym: for a paired survey, the person's pseudonym for the pair; ignored otherwise.
    public func submit(surveyID: UUID, personID: UUID, pseudonym: String?, language: Language, now: Date) async throws -> SubmitOutcome {
        try await db.write { sql in
            guard let survey = try SurveySQL.find(surveyID, on: sql) else { throw DomainError.notFound("survey") }
            // The person's draft row is taken first (the survey's row when they saved nothing):
            // a second submission of theirs, from another tab at the same moment, waits here
            // until the first commits, then finds that they have responded.
            let locked = try sql.rows("""
                UPDATE survey_drafts SET updated_at = updated_at WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: personID) RETURNING id
                """)
            if locked.isEmpty { try sql.run("UPDATE surveys SET updated_at = updated_at WHERE id = \(bind: surveyID) RETURNING id") }
            let draft: [String: Answer]
            switch try Self.standing(surveyID: surveyID, personID: personID, on: sql) {
            case .notAsked: throw DomainError.notFound("survey")
            case .responded: return .alreadySubmitted
            case .answering(let answers): draft = answers
            }
            switch survey.window(at: now) {
            case .closed: return .closed
            case .notYetOpen: return .notYetOpen
            case .open: break
            }
            let problems = AnswerValidator.problems(draft, questions: survey.form.questions)
            guard problems.isEmpty else { return .incomplete(problems) }
            let day = ResponseDay.of(now, zone: survey.timeZone)
            // Only the form's own answers are kept: nothing else a draft might hold rides along.
            let keys = Set(survey.form.items.map(\.key))
            try SurveySQL.insertResponse(
                surveyID: surveyID, personID: survey.privacy == .identified ? personID : nil,
                pseudonym: survey.privacy == .paired ? pseudonym : nil, answers: draft.filter { keys.contains($0.key) },
                groups: try SurveySQL.groups(personID: personID, programID: survey.programID, on: sql), language: language, day: day,
                at: survey.privacy == .identified ? now : nil, on: sql)
            try SurveySQL.markResponded(surveyID: surveyID, personID: personID, day: day, on: sql)
            try sql.run("DELETE FROM survey_drafts WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: personID)")
            // The published agenda says how many answered its needs assessment.
            if survey.kind == .needsAssessment { try ContentVersionStore.bump(on: sql) }
            return .submitted
        }
    }

    // MARK: Results

    /// A response as results and the API read it: a person only for an identified survey, a pseudonym only for a paired one.
    public struct StoredResponse: Sendable {
        public let personID: UUID?
        public let pseudonym: String?
        public let answers: SurveyAnswers
    }

    public func responses(surveyID: UUID) async throws -> [StoredResponse] {
        try await db.read { sql in try SurveySQL.responses(surveyID: surveyID, on: sql) }
    }

    public func responseCount(surveyID: UUID) async throws -> Int {
        try await db.read { sql in try SurveySQL.responseCount(surveyID: surveyID, on: sql) }
    }

    // MARK: Reminders

    public enum Reminding: Sendable, Equatable {
        /// One went out too recently, by the survey's setting.
        case notDue
        /// Queued to this many people who had not answered (none when everyone has).
        case sent(Int)
    }

    /// Queues a reminder to everyone asked who has not answered, when one is due. The survey
    /// is claimed first by moving its last reminder to now, only if the last one is old enough:
    /// two instances, or two clicks, never send the same reminder twice.
    public func remind(surveyID: UUID, now: Date, message: @escaping @Sendable (Invitee) -> OutgoingMessage?) async throws -> Reminding {
        try await db.write { sql in
            guard let survey = try SurveySQL.find(surveyID, on: sql) else { throw DomainError.notFound("survey") }
            guard survey.window(at: now) == .open else { throw DomainError.refused("Reminders go out only while the survey is open.") }
            guard let days = survey.reminderEveryDays else { throw DomainError.refused("This survey sends no reminders; its settings can change that.") }
            let claimed = try sql.rows("""
                UPDATE surveys SET last_reminded_at = \(bind: now) WHERE id = \(bind: surveyID) \
                AND (last_reminded_at IS NULL OR last_reminded_at <= \(bind: now.addingTimeInterval(-Double(days) * 86_400))) RETURNING id
                """)
            guard !claimed.isEmpty else { return .notDue }
            let responded = Set(try sql.rows("SELECT person_id FROM survey_respondents WHERE survey_id = \(bind: surveyID)")
                .map { try $0.decode(column: "person_id", as: UUID.self) })
            var sent = 0
            for invitee in try SurveySQL.audience(survey, on: sql) where !responded.contains(invitee.personID) {
                guard let outgoing = message(invitee) else { continue }
                try OutboxStore.enqueue(outgoing, now: now, on: sql)
                sent += 1
            }
            return .sent(sent)
        }
    }

    /// Open surveys that send reminders, with their programs' titles, for the maintenance loop.
    public func remindable(now: Date) async throws -> [(survey: Survey, programTitle: String)] {
        try await db.read { sql in
            let surveys = try SurveySQL.all(where: """
                reminder_days IS NOT NULL AND opens_at <= \(bind: now) AND closes_at >= \(bind: now)
                """, on: sql)
            return try surveys.compactMap { survey in
                try ProgramSQL.programs(where: "id = \(bind: survey.programID)", on: sql).first.map { (survey, $0.title) }
            }
        }
    }

    // MARK: Needs and sessions

    /// The sessions recorded as answering each topic of a needs assessment.
    public func needLinks(surveyID: UUID) async throws -> [String: Set<UUID>] {
        try await db.read { sql in try SurveySQL.needLinks(surveyID: surveyID, on: sql) }
    }

    /// Replaces the sessions answering each topic; sessions must be of the survey's program.
    public func setNeedLinks(surveyID: UUID, links: [String: Set<UUID>]) async throws {
        try await db.write { sql in
            guard let survey = try SurveySQL.find(surveyID, on: sql) else { throw DomainError.notFound("survey") }
            let sessions = Set(try sql.rows("""
                SELECT s.id FROM agenda_sessions s JOIN program_modules m ON m.id = s.module_id WHERE m.program_id = \(bind: survey.programID)
                """).map { try $0.decode(column: "id", as: UUID.self) })
            try sql.run("DELETE FROM session_needs WHERE survey_id = \(bind: surveyID)")
            for (topic, linked) in links {
                for session in linked where sessions.contains(session) {
                    try sql.run("INSERT INTO session_needs (id, survey_id, topic, session_id) VALUES (\(bind: UUID()), \(bind: surveyID), \(bind: topic), \(bind: session))")
                }
            }
            try ContentVersionStore.bump(on: sql)
        }
    }
}
