import CohortCore
import Foundation
import SQLKit

/// The statements behind `SurveyStore`, each run inside the caller's transaction.
enum SurveySQL {
    private struct Row: Decodable {
        let id: UUID; let program_id: UUID; let kind: String; let privacy: String; let pair_id: UUID?
        let title: String; let intro: String; let definition: String; let audience_kind: String; let audience_id: UUID?
        let opens_at: Date; let closes_at: Date; let time_zone: String; let reminder_days: Int?; let is_sample: Bool

        var survey: Survey {
            get throws {
                guard let audience = SurveyAudience(kind: audience_kind, targetID: audience_id) else {
                    throw StoreError.corrupt(table: "surveys", column: "audience_kind")
                }
                func decoded<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws -> T {
                    do { return try JSONText.decode(type, text) } catch { throw StoreError.corrupt(table: "surveys", column: column) }
                }
                return Survey(id: id, programID: program_id, kind: try stored(kind, table: "surveys", column: "kind"),
                              privacy: try stored(privacy, table: "surveys", column: "privacy"), pairID: pair_id,
                              title: try decoded(LocalizedText.self, title, "title"), intro: try decoded(LocalizedText.self, intro, "intro"),
                              form: try decoded(FormDefinition.self, definition, "definition"), audience: audience,
                              opensAt: opens_at, closesAt: closes_at, timeZone: time_zone, reminderEveryDays: reminder_days, isSample: is_sample)
            }
        }
    }

    private static let columns = SQLRaw("""
        id, program_id, kind, privacy, pair_id, title, intro, definition, audience_kind, audience_id, opens_at, closes_at, time_zone, \
        reminder_days, is_sample
        """)

    static func insert(_ survey: Survey, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO surveys (id, program_id, kind, privacy, pair_id, title, intro, definition, audience_kind, audience_id, opens_at, \
            closes_at, time_zone, reminder_days, is_sample, created_at, updated_at) VALUES (\(bind: survey.id), \(bind: survey.programID), \
            \(bind: survey.kind.rawValue), \(bind: survey.privacy.rawValue), \(bind: survey.pairID), \(bind: try JSONText.encode(survey.title)), \
            \(bind: try JSONText.encode(survey.intro)), \(bind: try JSONText.encode(survey.form)), \(bind: survey.audience.kind), \
            \(bind: survey.audience.targetID), \(bind: survey.opensAt), \(bind: survey.closesAt), \(bind: survey.timeZone), \
            \(bind: survey.reminderEveryDays), \(bind: survey.isSample), \(bind: now), \(bind: now))
            """)
    }

    static func update(_ survey: Survey, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            UPDATE surveys SET kind = \(bind: survey.kind.rawValue), privacy = \(bind: survey.privacy.rawValue), pair_id = \(bind: survey.pairID), \
            title = \(bind: try JSONText.encode(survey.title)), intro = \(bind: try JSONText.encode(survey.intro)), \
            definition = \(bind: try JSONText.encode(survey.form)), audience_kind = \(bind: survey.audience.kind), \
            audience_id = \(bind: survey.audience.targetID), opens_at = \(bind: survey.opensAt), closes_at = \(bind: survey.closesAt), \
            time_zone = \(bind: survey.timeZone), reminder_days = \(bind: survey.reminderEveryDays), updated_at = \(bind: now) \
            WHERE id = \(bind: survey.id)
            """)
    }

    static func find(_ id: UUID, on sql: any SyncSQL) throws -> Survey? {
        try all(where: "id = \(bind: id)", on: sql).first
    }

    static func all(where condition: SQLQueryString, on sql: any SyncSQL) throws -> [Survey] {
        try sql.rows("SELECT \(columns) FROM surveys WHERE \(condition) ORDER BY opens_at, id")
            .map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).survey }
    }

    static func responseCount(surveyID: UUID, on sql: any SyncSQL) throws -> Int {
        struct Count: Decodable { let n: Int }
        return try sql.first("SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = \(bind: surveyID)", decoding: Count.self)?.n ?? 0
    }

    // MARK: Audience

    /// A program's participants; a module's who attended any of its sessions (all of them while
    /// the module has no attendance yet, as before it starts); a session's who attended it.
    static func audience(_ survey: Survey, on sql: any SyncSQL) throws -> [SurveyStore.Invitee] {
        let participants: SQLQueryString = """
            SELECT DISTINCT p.id, p.email, p.full_name, p.language FROM people p JOIN enrolments e ON e.person_id = p.id \
            WHERE e.program_id = \(bind: survey.programID) AND e.role = \(bind: EnrolmentRole.participant.rawValue)
            """
        let query: SQLQueryString
        switch survey.audience {
        case .program:
            query = participants
        case .module(let moduleID):
            struct Count: Decodable { let n: Int }
            let marked = try sql.first("""
                SELECT COUNT(*) AS n FROM attendance a JOIN agenda_sessions s ON s.id = a.session_id WHERE s.module_id = \(bind: moduleID)
                """, decoding: Count.self)?.n ?? 0
            query = marked == 0 ? participants : participants + """
                 AND p.id IN (SELECT a.person_id FROM attendance a JOIN agenda_sessions s ON s.id = a.session_id WHERE s.module_id = \(bind: moduleID))
                """
        case .session(let sessionID):
            query = participants + " AND p.id IN (SELECT person_id FROM attendance WHERE session_id = \(bind: sessionID))"
        }
        struct Person: Decodable { let id: UUID; let email: String?; let full_name: String; let language: String? }
        return try sql.rows(query + " ORDER BY p.id").map { raw in
            let person = try raw.decode(model: Person.self, keyDecodingStrategy: .useDefaultKeys)
            return SurveyStore.Invitee(personID: person.id, email: person.email, name: person.full_name,
                                       language: person.language.flatMap(Language.init(rawValue:)) ?? .english)
        }
    }

    /// The groups a response is counted in, as its person is now: country, its role in the
    /// program, sector, and the gender they gave when they applied to the program, if they did.
    static func groups(personID: UUID, programID: UUID, on sql: any SyncSQL) throws -> [BreakdownDimension: String] {
        struct Person: Decodable { let country: String; let sector: String; let email: String? }
        guard let person = try sql.first("SELECT country, sector, email FROM people WHERE id = \(bind: personID)", decoding: Person.self) else { return [:] }
        var groups: [BreakdownDimension: String] = [:]
        if let country = Country(code: person.country) {
            groups[.country] = country.englishName
            if let role = try ProgramPartsSQL.countries(programID: programID, on: sql).first(where: { $0.country == country })?.role {
                groups[.countryRole] = role.label
            }
        }
        if !person.sector.isEmpty { groups[.sector] = OrganisationKind(rawValue: person.sector)?.label ?? person.sector }
        if let email = person.email {
            struct Applied: Decodable { let gender: String }
            let applied = try sql.first("""
                SELECT a.gender FROM applications a JOIN calls c ON c.id = a.call_id \
                WHERE c.program_id = \(bind: programID) AND a.email = \(bind: email) ORDER BY a.updated_at DESC
                """, decoding: Applied.self)
            if let gender = applied.flatMap({ BreakdownDimension.genderGroup($0.gender) }) { groups[.gender] = gender }
        }
        return groups
    }

    // MARK: Drafts and responses

    static func hasResponded(surveyID: UUID, personID: UUID, on sql: any SyncSQL) throws -> Bool {
        try !sql.rows("SELECT id FROM survey_respondents WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: personID)").isEmpty
    }

    static func draft(surveyID: UUID, personID: UUID, on sql: any SyncSQL) throws -> [String: Answer]? {
        struct Draft: Decodable { let answers: String }
        guard let row = try sql.first("SELECT answers FROM survey_drafts WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: personID)",
                                      decoding: Draft.self) else { return nil }
        do { return try AnswersJSON.decode(row.answers) } catch { throw StoreError.corrupt(table: "survey_drafts", column: "answers") }
    }

    static func saveDraft(surveyID: UUID, personID: UUID, answers: [String: Answer], now: Date, on sql: any SyncSQL) throws {
        let text = AnswersJSON.encode(answers)
        if try draft(surveyID: surveyID, personID: personID, on: sql) == nil {
            try sql.run("""
                INSERT INTO survey_drafts (id, survey_id, person_id, answers, updated_at) \
                VALUES (\(bind: UUID()), \(bind: surveyID), \(bind: personID), \(bind: text), \(bind: now))
                """)
        } else {
            try sql.run("""
                UPDATE survey_drafts SET answers = \(bind: text), updated_at = \(bind: now) \
                WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: personID)
                """)
        }
    }

    static func insertResponse(surveyID: UUID, personID: UUID?, pseudonym: String?, answers: [String: Answer],
                               groups: [BreakdownDimension: String], language: Language, day: String, at: Date?, on sql: any SyncSQL) throws {
        let groupText = try JSONText.encode(Dictionary(uniqueKeysWithValues: groups.map { ($0.key.rawValue, $0.value) }))
        try sql.run("""
            INSERT INTO survey_responses (id, survey_id, person_id, pseudonym, answers, groups, language, submitted_on, submitted_at) \
            VALUES (\(bind: UUID()), \(bind: surveyID), \(bind: personID), \(bind: pseudonym), \(bind: AnswersJSON.encode(answers)), \
            \(bind: groupText), \(bind: language.rawValue), \(bind: day), \(bind: at))
            """)
    }

    static func markResponded(surveyID: UUID, personID: UUID, day: String, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO survey_respondents (id, survey_id, person_id, responded_on) \
            VALUES (\(bind: UUID()), \(bind: surveyID), \(bind: personID), \(bind: day))
            """)
    }

    /// Read column by column, and the groups with the answers' own reader: a survey's results
    /// page reads every response, and coders by reflection cost more than the figures.
    static func responses(surveyID: UUID, on sql: any SyncSQL) throws -> [SurveyStore.StoredResponse] {
        // Ordered by the random id: the order says nothing of when anyone answered.
        try sql.rows("SELECT person_id, pseudonym, answers, groups FROM survey_responses WHERE survey_id = \(bind: surveyID) ORDER BY id")
            .map { row in
                let answers: [String: Answer]
                let groups: [String: Answer]
                do {
                    answers = try AnswersJSON.decode(try row.decode(column: "answers", as: String.self))
                    groups = try AnswersJSON.decode(try row.decode(column: "groups", as: String.self))
                } catch { throw StoreError.corrupt(table: "survey_responses", column: "answers") }
                var dimensions: [BreakdownDimension: String] = [:]
                for (key, value) in groups {
                    if let dimension = BreakdownDimension(rawValue: key) { dimensions[dimension] = value.textValue }
                }
                return SurveyStore.StoredResponse(personID: try row.decode(column: "person_id", as: UUID?.self),
                                                  pseudonym: try row.decode(column: "pseudonym", as: String?.self),
                                                  answers: SurveyAnswers(answers: answers, groups: dimensions))
            }
    }

    // MARK: Needs

    static func needLinks(surveyID: UUID, on sql: any SyncSQL) throws -> [String: Set<UUID>] {
        struct Link: Decodable { let topic: String; let session_id: UUID }
        var links: [String: Set<UUID>] = [:]
        for raw in try sql.rows("SELECT topic, session_id FROM session_needs WHERE survey_id = \(bind: surveyID)") {
            let link = try raw.decode(model: Link.self, keyDecodingStrategy: .useDefaultKeys)
            links[link.topic, default: []].insert(link.session_id)
        }
        return links
    }
}
