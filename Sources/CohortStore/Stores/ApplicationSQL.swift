import CohortCore
import Foundation
import SQLKit

/// The `applications` table in plain SQL, and its one row type: every store that reads an
/// application reads it as an `ApplicationSQL.Row`. One row decoded into a plain struct, and
/// updates that name their columns: Fluent's model layer read every property of a 29-field
/// record by reflection on each load and save, which made the applicant's requests several
/// times dearer than the work they do.
enum ApplicationSQL {
    static let columns = ["id", "call_id", "email", "language", "form_version", "answers", "status", "reference", "submitted_at",
                          "created_at", "updated_at", "full_name", "nationality", "residence", "sector", "gender", "search_text",
                          "is_eligible", "ineligibility_reasons", "eligibility_override", "eligibility_note", "eligibility_override_by",
                          "eligibility_override_at"]

    /// The column list, quoted once: statements here are written as SQL text, because
    /// building them from expression trees spent more time escaping names than running them.
    static let columnList = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    static let qualifiedColumnList = columns.map { "a.\"\($0)\"" }.joined(separator: ", ")
    /// Every column but the answers, for lists: a page of fifty rows never reads what people wrote.
    static let listColumns = columns.filter { $0 != "answers" }

    struct Row: Sendable {
        let id: UUID
        let call_id: UUID
        let email: String
        let language: Language
        let form_version: Int
        /// Nil when the statement did not ask for them (lists).
        let answers: String?
        let status: ApplicationStatus
        let reference: String?
        let submitted_at: Date?
        let created_at: Date
        let updated_at: Date
        let full_name: String
        let nationality: String
        let residence: String
        let sector: String
        let gender: String
        let search_text: String
        let is_eligible: Bool
        let ineligibility_reasons: String
        let eligibility_override: Bool?
        let eligibility_note: String?
        let eligibility_override_by: UUID?
        let eligibility_override_at: Date?

        /// Read column by column: on the hot paths, `SQLRowDecoder`'s keyed containers cost more than the columns.
        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            call_id = try row.decode(column: "call_id", as: UUID.self)
            email = try row.decode(column: "email", as: String.self)
            language = try stored(try row.decode(column: "language", as: String.self), table: "applications", column: "language")
            form_version = try row.decode(column: "form_version", as: Int.self)
            answers = row.contains(column: "answers") ? try row.decode(column: "answers", as: String.self) : nil
            status = try stored(try row.decode(column: "status", as: String.self), table: "applications", column: "status")
            reference = try row.decode(column: "reference", as: String?.self)
            submitted_at = try row.decode(column: "submitted_at", as: Date?.self)
            created_at = try row.decode(column: "created_at", as: Date.self)
            updated_at = try row.decode(column: "updated_at", as: Date.self)
            full_name = try row.decode(column: "full_name", as: String.self)
            nationality = try row.decode(column: "nationality", as: String.self)
            residence = try row.decode(column: "residence", as: String.self)
            sector = try row.decode(column: "sector", as: String.self)
            gender = try row.decode(column: "gender", as: String.self)
            search_text = try row.decode(column: "search_text", as: String.self)
            is_eligible = try row.decode(column: "is_eligible", as: Bool.self)
            ineligibility_reasons = try row.decode(column: "ineligibility_reasons", as: String.self)
            eligibility_override = try row.decode(column: "eligibility_override", as: Bool?.self)
            eligibility_note = try row.decode(column: "eligibility_note", as: String?.self)
            eligibility_override_by = try row.decode(column: "eligibility_override_by", as: UUID?.self)
            eligibility_override_at = try row.decode(column: "eligibility_override_at", as: Date?.self)
        }

        func value() throws -> CallApplication {
            CallApplication(id: id, callID: call_id, email: email, language: language, formVersion: form_version,
                            answers: try decodedAnswers(), status: status, reference: reference, submittedAt: submitted_at,
                            createdAt: created_at, updatedAt: updated_at)
        }

        func decodedAnswers() throws -> [String: Answer] {
            guard let answers else { throw StoreError.missing("answers of application \(id), which were not read") }
            do { return try AnswersJSON.decode(answers) } catch { throw StoreError.corrupt(table: "applications", column: "answers") }
        }

        var storedFacts: StoredFacts {
            StoredFacts(fullName: full_name, nationality: nationality, residence: residence, sector: sector, gender: gender,
                        searchText: search_text, isEligible: is_eligible, ineligibilityReasons: ineligibility_reasons)
        }

        /// The row as staff lists show it.
        func summary() throws -> ApplicationSummary {
            let reasons: [String]
            if ineligibility_reasons == "[]" {
                reasons = []
            } else {
                do { reasons = try JSONText.decode([String].self, ineligibility_reasons) } catch {
                    throw StoreError.corrupt(table: "applications", column: "ineligibility_reasons")
                }
            }
            return ApplicationSummary(id: id, reference: reference, status: status, fullName: full_name, email: email,
                                      nationality: nationality, sector: sector, gender: gender, language: language,
                                      isEligible: is_eligible, ineligibilityReasons: reasons, createdAt: created_at, submittedAt: submitted_at)
        }

        var eligibilityDecision: EligibilityDecision {
            EligibilityDecision(override: eligibility_override, note: eligibility_note, by: eligibility_override_by, at: eligibility_override_at)
        }
    }

    static func row(id: UUID, on sql: any SyncSQL) throws -> Row? {
        try sql.rows("SELECT \(unsafeRaw: columnList) FROM applications WHERE id = \(bind: id)").first.map(Row.init)
    }

    /// Rows of one call, in a stated order (the statement names its own columns).
    static func rows(callID: UUID, on sql: any SyncSQL) throws -> [Row] {
        try sql.rows("SELECT \(unsafeRaw: columnList) FROM applications WHERE call_id = \(bind: callID)").map(Row.init)
    }

    /// A new application with its facts: an applicant's draft, or one the demo data or the
    /// benchmarks make already submitted (with its reference and submission time).
    static func insert(_ application: CallApplication, rules: EligibilityRules, on sql: any SyncSQL) throws {
        let facts = try StoredFacts(answers: application.answers, rules: rules, email: application.email,
                                    reference: application.reference, override: nil)
        let answers = AnswersJSON.encode(application.answers)
        try sql.run("""
            INSERT INTO applications (id, call_id, email, language, form_version, answers, status, reference, submitted_at, full_name, \
            nationality, residence, sector, gender, search_text, is_eligible, ineligibility_reasons, created_at, updated_at) VALUES ( \
            \(bind: application.id), \(bind: application.callID), \(bind: application.email), \(bind: application.language.rawValue), \
            \(bind: application.formVersion), \(bind: answers), \(bind: application.status.rawValue), \(bind: application.reference), \
            \(bind: application.submittedAt), \(bind: facts.fullName), \(bind: facts.nationality), \
            \(bind: facts.residence), \(bind: facts.sector), \(bind: facts.gender), \(bind: facts.searchText), \(bind: facts.isEligible), \
            \(bind: facts.ineligibilityReasons), \(bind: application.createdAt), \(bind: application.updatedAt))
            """)
    }

    /// The call's rules as stored, decoded once per distinct text.
    static func rules(callID: UUID, on sql: any SyncSQL) throws -> EligibilityRules {
        try rules(try sql.first(rulesQuery(callID), decoding: RulesRow.self))
    }

    struct RulesRow: Decodable { let eligibility: String }

    private static func rulesQuery(_ callID: UUID) -> SQLQueryString {
        "SELECT eligibility FROM calls WHERE id = \(bind: callID)"
    }

    static func rules(_ row: RulesRow?) throws -> EligibilityRules {
        guard let row else { throw DomainError.notFound("call") }
        do { return try RulesCache.rules(row.eligibility) } catch { throw StoreError.corrupt(table: "calls", column: "eligibility") }
    }

    /// Writes new answers and the facts read from them; bumps the call's facet version when a
    /// fact or the language moved (status and submission time do not change here). Returns the application as saved.
    static func writeAnswers(_ answers: [String: Answer], to row: Row, language: Language?, now: Date, on sql: any SyncSQL) throws -> CallApplication {
        let rules = try rules(callID: row.call_id, on: sql)
        let facts = try StoredFacts(answers: answers, rules: rules, email: row.email, reference: row.reference, override: row.eligibility_override)
        let languageCode = (language ?? row.language).rawValue
        let answersText = AnswersJSON.encode(answers)
        try sql.run("""
            UPDATE applications SET answers = \(bind: answersText), full_name = \(bind: facts.fullName), \
            nationality = \(bind: facts.nationality), residence = \(bind: facts.residence), sector = \(bind: facts.sector), \
            gender = \(bind: facts.gender), search_text = \(bind: facts.searchText), is_eligible = \(bind: facts.isEligible), \
            ineligibility_reasons = \(bind: facts.ineligibilityReasons), language = \(bind: languageCode), updated_at = \(bind: now) \
            WHERE id = \(bind: row.id)
            """)
        if facts != row.storedFacts || languageCode != row.language.rawValue { try FacetVersion.bump(callID: row.call_id, on: sql) }
        return CallApplication(id: row.id, callID: row.call_id, email: row.email, language: language ?? row.language,
                               formVersion: row.form_version, answers: answers, status: row.status,
                               reference: row.reference, submittedAt: row.submitted_at, createdAt: row.created_at, updatedAt: now)
    }
}

/// Decoded eligibility rules by their stored text: the same few texts are read on every save.
enum RulesCache {
    private static let decoded = BoundedCache<String, EligibilityRules>(capacity: 100)

    static func rules(_ text: String) throws -> EligibilityRules {
        if let cached = decoded.value(text) { return cached }
        let rules = try JSONText.decode(EligibilityRules.self, text)
        decoded.keep(rules, for: text)
        return rules
    }
}
