import CohortCore
import Foundation
import SQLKit

/// A saved selection run, as stored.
public struct SelectionRun: Sendable, Equatable {
    public let id: UUID
    public let callID: UUID
    public let name: String
    public let createdBy: UUID
    public let createdAt: Date
    /// The form as it was filled in, to run again from.
    public let form: [String: String]
    /// The instance in the format `cohort select` reads.
    public let instance: Data
    public let status: SelectionSolution.Status
    public let selected: [String]
    public let objective: Double?
    public let conflict: SelectionConflict?

    public init(id: UUID, callID: UUID, name: String, createdBy: UUID, createdAt: Date, form: [String: String], instance: Data,
                status: SelectionSolution.Status, selected: [String], objective: Double?, conflict: SelectionConflict?) {
        self.id = id
        self.callID = callID
        self.name = name
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.form = form
        self.instance = instance
        self.status = status
        self.selected = selected
        self.objective = objective
        self.conflict = conflict
    }
}

/// Selection runs of a call, and the pool they are made from.
public struct SelectionRunStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Eligible submitted applications with a reference, their score (nil without a review) and attributes.
    public func candidates(callID: UUID, programID: UUID, form: FormDefinition, rules: EligibilityRules,
                           score: SelectionSetup.Score) async throws -> [SelectionCandidate] {
        try await db.read { sql in
            try SelectionRunSQL.candidates(callID: callID, programID: programID, form: form, rules: rules, score: score, on: sql)
        }
    }

    /// Each reference of the call with its application, for links from a run (runs name applicants by reference).
    public func applicationIDs(callID: UUID) async throws -> [String: UUID] {
        struct Row: Decodable { let id: UUID; let reference: String }
        let rows = try await db.read { sql in
            try sql.rows("SELECT id, reference FROM applications WHERE call_id = \(bind: callID) AND reference IS NOT NULL")
                .map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
        }
        return Dictionary(rows.map { ($0.reference, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    public func save(callID: UUID, name: String, createdBy: UUID, form: [String: String], instance: SelectionInstance,
                     solution: SelectionSolution, timeSeconds: Double, now: Date) async throws -> SelectionRun {
        try await db.write { sql in
            try SelectionRunSQL.insert(callID: callID, name: name, createdBy: createdBy, form: form, instance: instance, solution: solution,
                                       timeSeconds: timeSeconds, now: now, on: sql)
        }
    }

    /// Newest first.
    public func runs(callID: UUID) async throws -> [SelectionRun] {
        try await db.read { sql in
            try sql.rows("SELECT \(unsafeRaw: SelectionRunSQL.columns) FROM selection_runs WHERE call_id = \(bind: callID) ORDER BY created_at DESC")
                .map { try SelectionRunSQL.decode($0) }
        }
    }

    public func run(id: UUID, callID: UUID) async throws -> SelectionRun? {
        try await db.read { sql in try SelectionRunSQL.find(id: id, callID: callID, on: sql) }
    }
}

/// The `selection_runs` row, read and written by `SelectionRunStore` and read by `DecisionStore`.
enum SelectionRunSQL {
    /// Eligible submitted applications with a reference, their score (nil without a review) and attributes.
    static func candidates(callID: UUID, programID: UUID, form: FormDefinition, rules: EligibilityRules,
                           score: SelectionSetup.Score, on sql: any SyncSQL) throws -> [SelectionCandidate] {
        let statuses = [ApplicationStatus.submitted, .underReview, .shortlisted].map(\.rawValue)
        let rows = try sql.rows("""
            SELECT \(unsafeRaw: ApplicationSQL.columnList) FROM applications WHERE call_id = \(bind: callID) \
            AND status IN (\(binds: statuses)) AND is_eligible = \(bind: true) AND reference IS NOT NULL ORDER BY reference
            """).map(ApplicationSQL.Row.init)
        let roles = Dictionary(try ProgramPartsSQL.countries(programID: programID, on: sql).map { ($0.country.code, $0.role) },
                               uniquingKeysWith: { first, _ in first })
        let aggregation = try ReviewStore.settings(callID: callID, on: sql).rubric.map {
            ReviewAggregation(rubric: $0, reviews: try ReviewSQL.reviews(callID: callID, on: sql))
        }
        let scores = Dictionary(uniqueKeysWithValues: (aggregation?.scores ?? [])
            .map { ($0.applicationID, score == .calibrated ? $0.calibrated : $0.average) })
        return try rows.map { row in
            let answers = try row.decodedAnswers()
            let facts = ApplicationFacts(answers: answers, rules: rules)
            guard let reference = row.reference else { throw StoreError.corrupt(table: "applications", column: "reference") }
            return SelectionCandidate(reference: reference, applicationID: row.id, score: scores[row.id].map { ($0 * 1000).rounded() / 1000 },
                                      attributes: SelectionCandidate.attributes(facts: facts, answers: answers,
                                                                                language: row.language,
                                                                                form: form, countryRoles: roles))
        }
    }

    static func insert(callID: UUID, name: String, createdBy: UUID, form: [String: String], instance: SelectionInstance,
                       solution: SelectionSolution, timeSeconds: Double, now: Date, on sql: any SyncSQL) throws -> SelectionRun {
        let row = Row(id: UUID(), call_id: callID, name: name, created_by: createdBy, created_at: now,
                      form: try JSONText.encode(form), instance: String(decoding: try instance.json(), as: UTF8.self),
                      result: String(decoding: try solution.json(timeSeconds: timeSeconds), as: UTF8.self))
        try sql.run("""
            INSERT INTO selection_runs (id, call_id, name, created_by, created_at, form, instance, result)
            VALUES (\(bind: row.id), \(bind: row.call_id), \(bind: row.name), \(bind: row.created_by), \(bind: row.created_at),
                    \(bind: row.form), \(bind: row.instance), \(bind: row.result))
            """)
        return try row.value()
    }

    static let columns = "id, call_id, name, created_by, created_at, form, instance, result"

    struct Row: Codable {
        let id: UUID
        let call_id: UUID
        let name: String
        let created_by: UUID
        let created_at: Date
        let form: String
        let instance: String
        let result: String

        func value() throws -> SelectionRun {
            struct Result: Decodable {
                let status: SelectionSolution.Status
                let selected: [String]
                let objective: Double?
                let conflict: SelectionConflict?
            }
            let result: Result, form: [String: String]
            do { result = try JSONText.decode(Result.self, self.result) } catch { throw StoreError.corrupt(table: "selection_runs", column: "result") }
            do { form = try JSONText.decode([String: String].self, self.form) } catch { throw StoreError.corrupt(table: "selection_runs", column: "form") }
            return SelectionRun(id: id, callID: call_id, name: name, createdBy: created_by, createdAt: created_at, form: form,
                                instance: Data(instance.utf8), status: result.status, selected: result.selected,
                                objective: result.objective, conflict: result.conflict)
        }
    }

    static func decode(_ row: any SQLRow) throws -> SelectionRun {
        try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).value()
    }

    static func find(id: UUID, callID: UUID, on sql: any SyncSQL) throws -> SelectionRun? {
        try sql.rows("SELECT \(unsafeRaw: columns) FROM selection_runs WHERE id = \(bind: id) AND call_id = \(bind: callID)")
            .first.map(decode)
    }
}
