import CohortCore
import Foundation
import SQLKit

/// Starting an application: the start limits, the draft, its private link and its email.
extension ApplicationStore {
    public enum StartOutcome: Sendable, Equatable {
        /// A new application. Its link goes by email, as for an existing one: the answer to
        /// whoever typed the address must not tell whether that address had applied.
        case created(CallApplication)
        /// One already exists for this email: its new link goes by email.
        case existing(CallApplication)
        /// Too many starts for this address or from this client: nothing made, nothing sent.
        case refused(retryAfterSeconds: Int, reason: StartLimit.Reason)
    }

    /// Who is starting, as pseudonyms (keyed hashes) of the email and the client's address.
    public struct Starter: Sendable {
        public var addressKey: String
        public var clientKey: String

        public init(addressKey: String, clientKey: String) {
            self.addressKey = addressKey
            self.clientKey = clientKey
        }
    }

    /// Starts an application, or finds the one this email already has for the call, and
    /// records a new private link that retires the older ones. `message` is written to the
    /// outbox in the same transaction. The attempt is recorded and committed before anything
    /// is counted: of starts sent at once, the k-th to commit sees at least k (on PostgreSQL a
    /// transaction does not see another's uncommitted rows, so counting in one would not do).
    public func start(callID: UUID, email: String, language: Language, formVersion: Int, tokenHash: String,
                      starter: Starter, limit: StartLimit, now: Date,
                      message: @escaping @Sendable (CallApplication, _ isNew: Bool) -> OutgoingMessage) async throws -> StartOutcome {
        // The new draft and its message are made before the write: the writer serves everyone, one
        // piece after another, so what can be done outside it is.
        let draft = CallApplication(id: UUID(), callID: callID, email: email, language: language, formVersion: formVersion,
                                    answers: [:], status: .draft, reference: nil, submittedAt: nil, createdAt: now, updatedAt: now)
        let draftMessage = message(draft, true)
        try await db.write { sql in try StartAttemptSQL.record(starter, now: now, on: sql) }
        return try await db.write { sql in
            if case .refuse(let seconds, let reason) = try StartAttemptSQL.decide(starter, limit: limit, now: now, on: sql) {
                return .refused(retryAfterSeconds: seconds, reason: reason)
            }
            let outcome: StartOutcome
            if let existing = try sql.rows("""
                SELECT \(unsafeRaw: ApplicationSQL.columnList) FROM applications WHERE call_id = \(bind: callID) AND email = \(bind: email)
                """).first.map(ApplicationSQL.Row.init) {
                outcome = .existing(try existing.value())
            } else {
                // Moves the facet version and reads the rules the new draft is checked against, in one statement.
                let rules = try ApplicationSQL.rules(try sql.first("""
                    UPDATE calls SET facet_version = facet_version + 1 WHERE id = \(bind: callID) RETURNING eligibility
                    """, decoding: ApplicationSQL.RulesRow.self))
                try ApplicationSQL.insert(draft, rules: rules, on: sql)
                outcome = .created(draft)
            }
            let outgoing: OutgoingMessage
            let application: CallApplication
            switch outcome {
            case .created(let created): (application, outgoing) = (created, draftMessage)
            case .existing(let existing): (application, outgoing) = (existing, message(existing, false))
            case .refused: return outcome
            }
            for statement in PrivateLinkSQL.replace(applicationID: application.id, tokenHash: tokenHash, now: now) {
                try sql.run(statement)
            }
            try OutboxStore.enqueue(outgoing, now: now, on: sql)
            return outcome
        }
    }

    /// Starts older than the window no longer count.
    public func purgeStartAttempts(before: Date) async throws {
        try await db.write { sql in try sql.run("DELETE FROM start_attempts WHERE attempted_at < \(bind: before)") }
    }
}
