import CohortCore
import Foundation
import SQLKit

/// Calls and their forms. A form is never changed in place: each edit is a new version.
public struct CallStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public struct Loaded: Sendable {
        public let call: Call
        public let rules: EligibilityRules
        public let form: FormDefinition
        /// What the call was read under: a page drawn from it holds while the stamp does.
        public let stamp: CallStamp
    }

    public func create(_ call: Call, rules: EligibilityRules, form: FormDefinition, now: Date) async throws {
        try await db.write { sql in
            try CallSQL.insert(call, rules: rules, formVersion: form.version, now: now, on: sql)
            try CallSQL.insertForm(form, callID: call.id, now: now, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// Saves a call's settings. When the rules change, every application of the call is
    /// checked again in the same transaction, so no list shows a verdict of the old rules.
    public func update(_ call: Call, rules: EligibilityRules, now: Date) async throws {
        try await db.write { sql in
            guard let before = try CallSQL.find(call.id, on: sql) else { throw DomainError.notFound("call") }
            let rulesChanged = try before.rules != rules
            guard try CallSQL.update(call, rules: rules, now: now, on: sql) else { throw DomainError.notFound("call") }
            if rulesChanged {
                for row in try ApplicationSQL.rows(callID: call.id, on: sql) {
                    _ = try ApplicationSQL.writeAnswers(try row.decodedAnswers(), to: row, language: nil, now: row.updated_at, on: sql)
                }
                try FacetVersion.bump(callID: call.id, on: sql)
            }
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// Whether any reference of the call has been handed to an applicant.
    public func referencesIssued(callID: UUID) async throws -> Bool {
        (try await db.read { sql in try CallSQL.find(callID, on: sql) }?.last_reference_number ?? 0) > 0
    }

    /// How many applications were given against each form version, for the form builder.
    public func applicationsPerVersion(callID: UUID) async throws -> [Int: Int] {
        struct Row: Decodable { let form_version: Int; let n: Int }
        let rows = try await db.read { sql in
            try sql.rows("""
                SELECT form_version, COUNT(*) AS n FROM applications WHERE call_id = \(bind: callID) GROUP BY form_version
                """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.form_version, $0.n) })
    }

    /// The call with its current form. Every applicant request needs it, so a decoded call
    /// is kept per process and reused while its stamp (last change and form version) holds:
    /// one small query instead of a full load with its texts and rules.
    public func load(_ id: UUID) async throws -> Loaded? {
        guard let stamp = try await db.read({ sql in try CallStamp.read(id, on: sql) }) else { return nil }
        return try await load(id, stamp: stamp)
    }

    /// The call with its current form and its program, for staff pages: the stamp and the
    /// program in one read, and nothing more while the call is kept.
    public func loadWithProgram(_ id: UUID) async throws -> (loaded: Loaded, program: Program)? {
        let found = try await db.read { sql -> (stamp: CallStamp, program: Program?)? in
            guard let stamp = try CallStamp.read(id, on: sql) else { return nil }
            return (stamp, try ProgramSQL.programs(where: "id = (SELECT program_id FROM calls WHERE id = \(bind: id))", on: sql).first)
        }
        guard let found, let program = found.program, let loaded = try await load(id, stamp: found.stamp) else { return nil }
        return (loaded, program)
    }

    /// The call as `stamp` describes it: from the cache, or loaded once and kept.
    func load(_ id: UUID, stamp: CallStamp) async throws -> Loaded? {
        if let cached = LoadedCallCache.loaded(id, stamp: stamp) { return cached }
        guard let loaded = try await loadRow(id, stamp: stamp) else { return nil }
        LoadedCallCache.keep(loaded, stamp: stamp)
        return loaded
    }

    private func loadRow(_ id: UUID, stamp: CallStamp) async throws -> Loaded? {
        guard let row = try await db.read({ sql in try CallSQL.find(id, on: sql) }) else { return nil }
        guard let form = try await form(callID: id, version: row.form_version) else { throw StoreError.missing("current form of call \(id)") }
        return Loaded(call: try row.call, rules: try row.rules, form: form, stamp: stamp)
    }

    /// A form version never changes once saved, so each is decoded once per process and kept.
    public func form(callID: UUID, version: Int) async throws -> FormDefinition? {
        if let cached = FormCache.form(callID: callID, version: version) { return cached }
        guard let form = try await db.read({ sql in try CallSQL.form(callID: callID, version: version, on: sql) }) else { return nil }
        FormCache.keep(form, callID: callID)
        return form
    }

    public func calls(programID: UUID) async throws -> [Call] {
        try await db.read { sql in try CallSQL.calls(where: "program_id = \(bind: programID)", orderedBy: "opens_at", on: sql) }
    }

    /// Published calls that have not closed yet (open now or opening later), soonest deadline first.
    public func publicCalls(notClosedAt now: Date) async throws -> [Call] {
        try await db.read { sql in
            try CallSQL.calls(where: "is_published = \(bind: true) AND closes_at >= \(bind: now)", orderedBy: "closes_at", on: sql)
        }
    }

    /// Published calls that are open now.
    public func openCalls(at now: Date) async throws -> [Call] {
        try await db.read { sql in
            try CallSQL.calls(where: "is_published = \(bind: true) AND opens_at <= \(bind: now) AND closes_at >= \(bind: now)",
                              orderedBy: "closes_at", on: sql)
        }
    }

    /// Saves a new form version and makes it current; earlier answers keep their version.
    /// `expectedVersion` guards against two editors: a change made on an older version than
    /// the current one is refused rather than silently undoing the other person's change.
    public func publishForm(callID: UUID, sections: [FormSection], expectedVersion: Int? = nil, now: Date) async throws -> FormDefinition {
        try await db.write { sql in
            guard let call = try CallSQL.find(callID, on: sql) else { throw DomainError.notFound("call") }
            if let expectedVersion, expectedVersion != call.form_version {
                throw DomainError.conflict(.formChangedMeanwhile)
            }
            let form = FormDefinition(version: call.form_version + 1, sections: sections)
            try CallSQL.insertForm(form, callID: callID, now: now, on: sql)
            try sql.run("UPDATE calls SET form_version = \(bind: form.version), updated_at = \(bind: now) WHERE id = \(bind: callID)")
            return form
        }
    }
}

/// What decides whether a submission is taken, read on every request, so that even a change
/// made outside Cohort (a deadline moved by hand) takes effect at once.
public struct CallStamp: Decodable, Hashable, Sendable {
    let updated_at: Date?
    let form_version: Int
    let eligibility: String
    let opens_at: Date
    let closes_at: Date
    let grace_minutes: Int
    let is_published: Bool
    let allows_editing_after_submit: Bool

    /// A short text that differs for different stamps, for keys of pages drawn from the call.
    public var key: String {
        "\(updated_at?.timeIntervalSince1970 ?? 0)-\(form_version)-\(opens_at.timeIntervalSince1970)-\(closes_at.timeIntervalSince1970)"
            + "-\(grace_minutes)-\(is_published)-\(allows_editing_after_submit)-\(eligibility.hashValue)"
    }

    static func read(_ id: UUID, on sql: any SyncSQL) throws -> CallStamp? {
        try sql.first("""
            SELECT updated_at, form_version, eligibility, opens_at, closes_at, grace_minutes, is_published, allows_editing_after_submit \
            FROM calls WHERE id = \(bind: id)
            """, decoding: CallStamp.self)
    }
}

/// Decoded calls by their stamp; a changed call has a new stamp, so a stale one is never served.
enum LoadedCallCache {
    private struct Entry: Sendable {
        let stamp: CallStamp
        let loaded: CallStore.Loaded
    }
    private static let calls = BoundedCache<UUID, Entry>(capacity: 250)

    static func loaded(_ id: UUID, stamp: CallStamp) -> CallStore.Loaded? {
        calls.value(id).flatMap { $0.stamp == stamp ? $0.loaded : nil }
    }

    static func keep(_ loaded: CallStore.Loaded, stamp: CallStamp) {
        calls.keep(Entry(stamp: stamp, loaded: loaded), for: loaded.call.id)
    }
}

/// Decoded form versions. Safe to share between requests and instances: a version is immutable.
enum FormCache {
    private struct Key: Hashable, Sendable {
        let callID: UUID
        let version: Int
    }
    private static let forms = BoundedCache<Key, FormDefinition>(capacity: 250)

    static func form(callID: UUID, version: Int) -> FormDefinition? {
        forms.value(Key(callID: callID, version: version))
    }

    static func keep(_ form: FormDefinition, callID: UUID) {
        forms.keep(form, for: Key(callID: callID, version: form.version))
    }
}
