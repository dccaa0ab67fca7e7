import CohortCore
import Foundation
import SQLKit

/// Applications: started, saved, submitted, withdrawn. Every change commits with the
/// message it causes, and nothing is acknowledged before its commit.
public struct ApplicationStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func find(_ id: UUID) async throws -> CallApplication? {
        try await db.read { sql in try ApplicationSQL.row(id: id, on: sql)?.value() }
    }

    /// The application a private link opens with its call, read together: every request of
    /// the applicant's pages and API starts here. A link unused for longer than `lifetime`
    /// is expired; one used more than a day ago is renewed.
    public func open(tokenHash: String, now: Date, lifetime: TimeInterval)
        async throws -> PrivateLink<(application: CallApplication, call: CallStore.Loaded)>? {
        guard let (application, expired, usedAt, stamp) = try await db.read({ sql -> (CallApplication, Bool, Date, CallStamp?)? in
            guard let found = try PrivateLinkSQL.find(tokenHash: tokenHash, on: sql) else { return nil }
            let application = try found.row.value()
            return (application, PrivateLinkSQL.isExpired(found, now: now, lifetime: lifetime), found.usedAt,
                    try CallStamp.read(application.callID, on: sql))
        }) else { return nil }
        if expired { return .expired(callID: application.callID) }
        if PrivateLinkSQL.needsRenewal(usedAt: usedAt, now: now) {
            try await db.write { sql in try sql.run(PrivateLinkSQL.renew(tokenHash: tokenHash, now: now)) }
        }
        guard let stamp, let loaded = try await CallStore(db: db).load(application.callID, stamp: stamp) else { return nil }
        return .open((application, loaded))
    }

    /// Merges answers into `current` as it was read: one update of the answers and the facts
    /// read from them, guarded by the last-change time read (a manager's eligibility override,
    /// if any, stays as it is). Times come back rounded to the microsecond, hence the narrow range. If anything changed in between, the full save runs instead,
    /// in the same transaction.
    public func save(_ current: CallApplication, answers: [String: Answer], rules: EligibilityRules, now: Date) async throws -> CallApplication {
        var merged = current.answers
        for (key, value) in answers { merged[key] = value }
        let text = AnswersJSON.encode(merged)
        let facts = try StoredFacts(answers: merged, rules: rules, email: current.email, reference: current.reference, override: nil)
        let factsMoved = try facts != StoredFacts(answers: current.answers, rules: rules, email: current.email,
                                                   reference: current.reference, override: nil)
        let mergedAnswers = merged
        return try await db.write { sql in
            let updated = try sql.rows("""
                UPDATE applications SET answers = \(bind: text), full_name = \(bind: facts.fullName), \
                nationality = \(bind: facts.nationality), residence = \(bind: facts.residence), sector = \(bind: facts.sector), \
                gender = \(bind: facts.gender), search_text = \(bind: facts.searchText), \
                is_eligible = COALESCE(eligibility_override, \(bind: facts.isEligible)), \
                ineligibility_reasons = \(bind: facts.ineligibilityReasons), updated_at = \(bind: now) \
                WHERE id = \(bind: current.id) AND updated_at BETWEEN \(bind: current.updatedAt.addingTimeInterval(-0.000_002)) \
                AND \(bind: current.updatedAt.addingTimeInterval(0.000_002)) RETURNING id
                """).count
            guard updated == 1 else { return try Self.save(id: current.id, answers: answers, language: nil, now: now, on: sql) }
            if factsMoved { try FacetVersion.bump(callID: current.callID, on: sql) }
            var saved = current
            saved.answers = mergedAnswers
            saved.updatedAt = now
            return saved
        }
    }

    /// Merges answers into the application (valid or not: nothing typed is thrown away).
    public func save(id: UUID, answers: [String: Answer], language: Language?, now: Date) async throws -> CallApplication {
        try await db.write { sql in try Self.save(id: id, answers: answers, language: language, now: now, on: sql) }
    }

    /// A file to store with a section's answers, already checked against its question.
    public struct NewFile: Sendable {
        public let questionKey: String
        public let fileName: String
        public let kind: FileKind
        public let bytes: Data

        public init(questionKey: String, fileName: String, kind: FileKind, bytes: Data) {
            self.questionKey = questionKey
            self.fileName = fileName
            self.kind = kind
            self.bytes = bytes
        }
    }

    /// Saves one section as the applicant sent it: the answers and the files, in one
    /// transaction, so that either all of it is kept or none (an answer never names a file
    /// that was not stored, and a file never outlives the answers it came with). `language`
    /// is the applicant's new language, if it changed. Without files or a change of language
    /// this is the guarded fast save.
    public func saveSection(_ current: CallApplication, answers: [String: Answer], files: [NewFile], language: Language?,
                            rules: EligibilityRules, now: Date) async throws -> CallApplication {
        if files.isEmpty && language == nil { return try await save(current, answers: answers, rules: rules, now: now) }
        return try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: current.id, on: sql) else { throw DomainError.notFound("application") }
            var merged = try row.decodedAnswers()
            for (key, value) in answers { merged[key] = value }
            for file in files {
                let stored = try FileStore.insert(file, applicationID: row.id, now: now, on: sql)
                merged[file.questionKey] = .text(stored.id.uuidString)
            }
            return try ApplicationSQL.writeAnswers(merged, to: row, language: language, now: now, on: sql)
        }
    }

    private static func save(id: UUID, answers: [String: Answer], language: Language?, now: Date, on sql: any SyncSQL) throws -> CallApplication {
        guard let row = try ApplicationSQL.row(id: id, on: sql) else { throw DomainError.notFound("application") }
        var merged = try row.decodedAnswers()
        for (key, value) in answers { merged[key] = value }
        return try ApplicationSQL.writeAnswers(merged, to: row, language: language, now: now, on: sql)
    }

    /// Submits a draft: allocates the next reference of the call and writes the receipt.
    /// Submitting again returns the same reference: a double click or a retry never makes two.
    /// `key` is the client's `Idempotency-Key`, kept with the submission.
    public func submit(id: UUID, now: Date, key: String? = nil,
                       receipt: @escaping @Sendable (CallApplication) -> OutgoingMessage) async throws -> CallApplication {
        try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: id, on: sql) else { throw DomainError.notFound("application") }
            let status = row.status
            if status.isSubmitted { return try row.value() }
            guard status == .draft else { throw DomainError.conflict(.applicationWithdrawn) }
            // One statement takes the write lock, numbers the reference and moves the facet version,
            // so concurrent submissions to one call queue here.
            struct Counter: Decodable { let reference_prefix: String; let last_reference_number: Int }
            guard let counter = try sql.first("""
                UPDATE calls SET last_reference_number = last_reference_number + 1, facet_version = facet_version + 1 \
                WHERE id = \(bind: row.call_id) RETURNING reference_prefix, last_reference_number
                """, decoding: Counter.self) else { throw DomainError.notFound("call") }
            let reference = ReferenceCode.make(prefix: counter.reference_prefix, number: counter.last_reference_number)
            let searchText = ApplicationFacts.searchText(name: row.full_name, email: row.email, reference: reference)
            try sql.run("""
                UPDATE applications SET reference = \(bind: reference), search_text = \(bind: searchText), \
                status = \(bind: ApplicationStatus.submitted.rawValue), submitted_at = \(bind: now), submit_key = \(bind: key), \
                updated_at = \(bind: now) WHERE id = \(bind: id)
                """)
            var application = try row.value()
            application.status = .submitted
            application.reference = reference
            application.submittedAt = now
            application.updatedAt = now
            try OutboxStore.enqueue(receipt(application), now: now, on: sql)
            return application
        }
    }

    public func withdraw(id: UUID, now: Date, message: @escaping @Sendable (CallApplication) -> OutgoingMessage) async throws -> CallApplication {
        try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: id, on: sql) else { throw DomainError.notFound("application") }
            var application = try row.value()
            if row.status == .withdrawn { return application }
            try sql.run("""
                UPDATE applications SET status = \(bind: ApplicationStatus.withdrawn.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)
                """)
            try FacetVersion.bump(callID: row.call_id, on: sql)
            application.status = .withdrawn
            application.updatedAt = now
            try OutboxStore.enqueue(message(application), now: now, on: sql)
            return application
        }
    }

}
