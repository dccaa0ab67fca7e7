import CohortCore
import Foundation
import SQLKit

/// The `calls` and `call_forms` rows, read and written here only. Texts in several languages
/// and the eligibility rules are kept as JSON text.
enum CallSQL {
    static let columns = """
        id, program_id, title, description, opens_at, closes_at, time_zone, grace_minutes, languages, target_cohort_size, \
        privacy_notice, contact_email, is_published, allows_editing_after_submit, reference_prefix, last_reference_number, \
        eligibility, form_version
        """

    struct Row: Decodable {
        let id: UUID
        let program_id: UUID
        let title: String
        let description: String
        let opens_at: Date
        let closes_at: Date
        let time_zone: String
        let grace_minutes: Int
        let languages: String
        let target_cohort_size: Int?
        let privacy_notice: String
        let contact_email: String
        let is_published: Bool
        let allows_editing_after_submit: Bool
        let reference_prefix: String
        let last_reference_number: Int
        let eligibility: String
        let form_version: Int

        var call: Call {
            get throws {
                Call(id: id, programID: program_id, title: try text(title, column: "title"),
                     description: try text(description, column: "description"), opensAt: opens_at, closesAt: closes_at,
                     timeZone: time_zone, graceMinutes: grace_minutes,
                     languages: try languages.split(separator: ",").map { try stored(String($0), table: "calls", column: "languages") },
                     targetCohortSize: target_cohort_size, privacyNotice: try text(privacy_notice, column: "privacy_notice"),
                     contactEmail: contact_email, isPublished: is_published, allowsEditingAfterSubmit: allows_editing_after_submit,
                     referencePrefix: reference_prefix)
            }
        }

        var rules: EligibilityRules {
            get throws { try ApplicationSQL.rules(ApplicationSQL.RulesRow(eligibility: eligibility)) }
        }

        private func text(_ json: String, column: String) throws -> LocalizedText {
            do { return try JSONText.decode(LocalizedText.self, json) } catch { throw StoreError.corrupt(table: "calls", column: column) }
        }
    }

    static func find(_ id: UUID, on sql: any SyncSQL) throws -> Row? {
        try sql.first("SELECT \(unsafeRaw: columns) FROM calls WHERE id = \(bind: id)", decoding: Row.self)
    }

    /// The calls `filter` (the statement's WHERE) picks, in `order`.
    static func calls(where filter: SQLQueryString, orderedBy order: String, on sql: any SyncSQL) throws -> [Call] {
        let query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM calls WHERE \(filter) ORDER BY \(unsafeRaw: order), id"
        return try sql.rows(query).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).call }
    }

    static func insert(_ call: Call, rules: EligibilityRules, formVersion: Int, lastReferenceNumber: Int = 0, now: Date,
                       on sql: any SyncSQL) throws {
        let texts = try Texts(call, rules: rules)
        try sql.run("""
            INSERT INTO calls (id, program_id, title, description, opens_at, closes_at, time_zone, grace_minutes, languages,
                               target_cohort_size, privacy_notice, contact_email, is_published, allows_editing_after_submit,
                               reference_prefix, last_reference_number, eligibility, form_version, facet_version, created_at, updated_at)
            VALUES (\(bind: call.id), \(bind: call.programID), \(bind: texts.title), \(bind: texts.description), \(bind: call.opensAt),
                    \(bind: call.closesAt), \(bind: call.timeZone), \(bind: call.graceMinutes), \(bind: texts.languages),
                    \(bind: call.targetCohortSize), \(bind: texts.privacyNotice), \(bind: call.contactEmail), \(bind: call.isPublished),
                    \(bind: call.allowsEditingAfterSubmit), \(bind: call.referencePrefix), \(bind: lastReferenceNumber),
                    \(bind: texts.eligibility), \(bind: formVersion), \(bind: 0), \(bind: now), \(bind: now))
            """)
    }

    /// The call's settings and rules (its form version and reference numbers stay). False when there is no such call.
    static func update(_ call: Call, rules: EligibilityRules, now: Date, on sql: any SyncSQL) throws -> Bool {
        let texts = try Texts(call, rules: rules)
        return try !sql.rows("""
            UPDATE calls SET program_id = \(bind: call.programID), title = \(bind: texts.title), description = \(bind: texts.description),
                   opens_at = \(bind: call.opensAt), closes_at = \(bind: call.closesAt), time_zone = \(bind: call.timeZone),
                   grace_minutes = \(bind: call.graceMinutes), languages = \(bind: texts.languages),
                   target_cohort_size = \(bind: call.targetCohortSize), privacy_notice = \(bind: texts.privacyNotice),
                   contact_email = \(bind: call.contactEmail), is_published = \(bind: call.isPublished),
                   allows_editing_after_submit = \(bind: call.allowsEditingAfterSubmit), reference_prefix = \(bind: call.referencePrefix),
                   eligibility = \(bind: texts.eligibility), updated_at = \(bind: now)
            WHERE id = \(bind: call.id) RETURNING id
            """).isEmpty
    }

    static func insertForm(_ form: FormDefinition, callID: UUID, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO call_forms (id, call_id, version, definition, created_at)
            VALUES (\(bind: UUID()), \(bind: callID), \(bind: form.version), \(bind: try JSONText.encode(form)), \(bind: now))
            """)
    }

    static func form(callID: UUID, version: Int, on sql: any SyncSQL) throws -> FormDefinition? {
        struct Row: Decodable { let definition: String }
        guard let row = try sql.first("""
            SELECT definition FROM call_forms WHERE call_id = \(bind: callID) AND version = \(bind: version)
            """, decoding: Row.self) else { return nil }
        do { return try JSONText.decode(FormDefinition.self, row.definition) } catch { throw StoreError.corrupt(table: "call_forms", column: "definition") }
    }

    /// The columns kept as text, encoded once for an insert or an update.
    private struct Texts {
        let title: String
        let description: String
        let languages: String
        let privacyNotice: String
        let eligibility: String

        init(_ call: Call, rules: EligibilityRules) throws {
            title = try JSONText.encode(call.title)
            description = try JSONText.encode(call.description)
            languages = call.languages.map(\.rawValue).joined(separator: ",")
            privacyNotice = try JSONText.encode(call.privacyNotice)
            eligibility = try JSONText.encode(rules)
        }
    }
}
