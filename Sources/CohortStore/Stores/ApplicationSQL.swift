import CohortCore
import FluentKit
import Foundation
import SQLKit

/// The applicant's hot paths (open by link, save, attach a file) in plain SQL: one row
/// decoded into a plain struct, and updates that name their columns. Fluent's model layer
/// reads every property of a 25-field record by reflection on each load and save, which
/// made these requests several times dearer than the work they do.
enum ApplicationSQL {
    static let columns = ["id", "call_id", "email", "language", "form_version", "answers", "status", "reference", "submitted_at",
                          "created_at", "updated_at", "full_name", "nationality", "residence", "sector", "gender", "search_text",
                          "is_eligible", "ineligibility_reasons", "eligibility_override"]

    struct Row: Decodable {
        let id: UUID
        let call_id: UUID
        let email: String
        let language: String
        let form_version: Int
        let answers: String
        let status: String
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

        func value() throws -> CallApplication {
            CallApplication(id: id, callID: call_id, email: email, language: Language(rawValue: language) ?? .english,
                            formVersion: form_version, answers: try JSONText.decode([String: Answer].self, answers),
                            status: ApplicationStatus(rawValue: status) ?? .draft, reference: reference, submittedAt: submitted_at,
                            createdAt: created_at, updatedAt: updated_at)
        }

        /// Same order and meaning as `ApplicationRecord.listedFacts`.
        var listedFacts: [String] {
            [status, nationality, sector, gender, language, search_text, is_eligible ? "1" : "0",
             submitted_at.map { "\($0.timeIntervalSince1970)" } ?? ""]
        }
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("database without SQL") }
        return sql
    }

    static func row(id: UUID, on db: any Database) async throws -> Row? {
        try await sql(db).select().columns(columns.map { SQLIdentifier($0) }).from(ApplicationRecord.schema)
            .where(SQLIdentifier("id"), .equal, SQLBind(id)).first(decoding: Row.self)
    }

    /// The application a private link opens, in one query.
    static func row(tokenHash: String, on db: any Database) async throws -> Row? {
        try await sql(db).select().columns(columns.map { SQLColumn(SQLIdentifier($0), table: SQLIdentifier("a")) })
            .from(SQLAlias(SQLIdentifier(ApplicationTokenRecord.schema), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier(ApplicationRecord.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                  on: SQLColumn(SQLIdentifier("id"), table: SQLIdentifier("a")), .equal, SQLColumn(SQLIdentifier("application_id"), table: SQLIdentifier("t")))
            .where(SQLColumn(SQLIdentifier("token_hash"), table: SQLIdentifier("t")), .equal, SQLBind(tokenHash))
            .first(decoding: Row.self)
    }

    /// A new draft with its facts, as `ApplicationRecord.setAnswers` would store them.
    static func insert(_ application: CallApplication, rules: EligibilityRules, on db: any Database) async throws {
        let facts = ApplicationFacts(answers: application.answers, rules: rules)
        try await sql(db).insert(into: ApplicationRecord.schema)
            .columns("id", "call_id", "email", "language", "form_version", "answers", "status", "full_name", "nationality", "residence",
                     "sector", "gender", "search_text", "is_eligible", "ineligibility_reasons", "created_at", "updated_at")
            .values(SQLBind(application.id), SQLBind(application.callID), SQLBind(application.email), SQLBind(application.language.rawValue),
                    SQLBind(application.formVersion), SQLBind(try JSONText.encode(application.answers)), SQLBind(application.status.rawValue),
                    SQLBind(facts.fullName), SQLBind(facts.nationality), SQLBind(facts.residence), SQLBind(facts.sector), SQLBind(facts.gender),
                    SQLBind(ApplicationFacts.searchText(name: facts.fullName, email: application.email, reference: nil)),
                    SQLBind(facts.isEligible), SQLBind(try JSONText.encode(facts.ineligibilityReasons.map(\.description))),
                    SQLBind(application.createdAt), SQLBind(application.updatedAt))
            .run()
    }

    /// The call's rules as stored, decoded once per distinct text.
    static func rules(callID: UUID, on db: any Database) async throws -> EligibilityRules {
        struct RulesRow: Decodable { let eligibility: String }
        guard let row = try await sql(db).select().column("eligibility").from(CallRecord.schema)
            .where(SQLIdentifier("id"), .equal, SQLBind(callID)).first(decoding: RulesRow.self) else { throw DomainError.notFound("call") }
        return try RulesCache.shared.rules(row.eligibility)
    }

    /// Writes new answers and the facts read from them; bumps the call's facet version when
    /// a listed fact moved. Returns the application as saved.
    static func writeAnswers(_ answers: [String: Answer], to row: Row, language: Language?, now: Date, on db: any Database) async throws -> CallApplication {
        let rules = try await rules(callID: row.call_id, on: db)
        let facts = ApplicationFacts(answers: answers, rules: rules)
        let searchText = ApplicationFacts.searchText(name: facts.fullName, email: row.email, reference: row.reference)
        let isEligible = row.eligibility_override ?? facts.isEligible
        let languageCode = language?.rawValue ?? row.language
        let answersText = try JSONText.encode(answers)
        try await sql(db).update(ApplicationRecord.schema)
            .set("answers", to: SQLBind(answersText))
            .set("full_name", to: SQLBind(facts.fullName))
            .set("nationality", to: SQLBind(facts.nationality))
            .set("residence", to: SQLBind(facts.residence))
            .set("sector", to: SQLBind(facts.sector))
            .set("gender", to: SQLBind(facts.gender))
            .set("search_text", to: SQLBind(searchText))
            .set("is_eligible", to: SQLBind(isEligible))
            .set("ineligibility_reasons", to: SQLBind(try JSONText.encode(facts.ineligibilityReasons.map(\.description))))
            .set("language", to: SQLBind(languageCode))
            .set("updated_at", to: SQLBind(now))
            .where(SQLIdentifier("id"), .equal, SQLBind(row.id)).run()
        let after = [row.status, facts.nationality, facts.sector, facts.gender, languageCode, searchText, isEligible ? "1" : "0",
                     row.submitted_at.map { "\($0.timeIntervalSince1970)" } ?? ""]
        if after != row.listedFacts { try await FacetVersion.bump(callID: row.call_id, on: db) }
        return CallApplication(id: row.id, callID: row.call_id, email: row.email, language: Language(rawValue: languageCode) ?? .english,
                               formVersion: row.form_version, answers: answers, status: ApplicationStatus(rawValue: row.status) ?? .draft,
                               reference: row.reference, submittedAt: row.submitted_at, createdAt: row.created_at, updatedAt: now)
    }
}

/// Decoded eligibility rules by their stored text: the same few texts are read on every save.
final class RulesCache: @unchecked Sendable {
    static let shared = RulesCache()
    private let lock = NSLock()
    private var rules: [String: EligibilityRules] = [:]

    func rules(_ text: String) throws -> EligibilityRules {
        if let cached = lock.withLock({ rules[text] }) { return cached }
        let decoded = try JSONText.decode(EligibilityRules.self, text)
        lock.withLock {
            if rules.count > 200 { rules.removeAll() }
            rules[text] = decoded
        }
        return decoded
    }
}
