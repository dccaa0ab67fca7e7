import CohortCore
import Foundation
import SQLKit

/// The outbox: messages are written with the change that causes them, then delivered by a
/// loop that claims them with a lease, so several instances never send one message twice
/// while each of them is alive.
public struct OutboxStore: Sendable {
    let db: Persistence
    public static let leaseSeconds: TimeInterval = 120
    public static let maxAttempts = 8

    public init(db: Persistence) { self.db = db }

    public struct Pending: Sendable {
        public let id: UUID
        public let message: OutgoingMessage
        public let attempts: Int
    }

    /// Written inside the transaction of the change that causes the message.
    static func enqueue(_ message: OutgoingMessage, now: Date, on sql: any SyncSQL) throws {
        try sql.run(insert(message, now: now))
    }

    /// Written on every start and submit: a plain insert, without the model layer's reflection.
    private static func insert(_ message: OutgoingMessage, now: Date) -> SQLQueryString {
        """
        INSERT INTO outbox_messages (id, to_address, subject, body, created_at, attempts, next_attempt_at) \
        VALUES (\(bind: UUID()), \(bind: message.to), \(bind: message.subject), \(bind: message.body), \(bind: now), 0, \(bind: now))
        """
    }

    /// Claims up to `limit` messages that are due and not leased by another instance: one
    /// statement leases the oldest due messages that no live lease holds and reads them back.
    /// On PostgreSQL a second instance racing for the same rows re-checks the lease after the
    /// first commits and gets none of them.
    public func claim(limit: Int, now: Date) async throws -> [Pending] {
        let leaseUntil = now.addingTimeInterval(Self.leaseSeconds)
        return try await db.write { sql in
            try sql.rows("""
                UPDATE outbox_messages SET lease_until = \(bind: leaseUntil) \
                WHERE (lease_until IS NULL OR lease_until < \(bind: now)) AND id IN (SELECT id FROM outbox_messages \
                WHERE sent_at IS NULL AND next_attempt_at <= \(bind: now) AND attempts < \(bind: Self.maxAttempts) \
                AND (lease_until IS NULL OR lease_until < \(bind: now)) ORDER BY created_at LIMIT \(bind: limit)) \
                RETURNING id, to_address, subject, body, attempts
                """).map { row in
                Pending(id: try row.decode(column: "id", as: UUID.self),
                        message: OutgoingMessage(to: try row.decode(column: "to_address", as: String.self),
                                                 subject: try row.decode(column: "subject", as: String.self),
                                                 body: try row.decode(column: "body", as: String.self)),
                        attempts: try row.decode(column: "attempts", as: Int.self))
            }
        }
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await db.write { sql in
            try sql.run("UPDATE outbox_messages SET sent_at = \(bind: now), lease_until = NULL WHERE id = \(bind: id)")
        }
    }

    /// Schedules another try with a growing pause; the error is kept without the message's content.
    public func markFailed(_ id: UUID, attempts: Int, error: String, now: Date) async throws {
        let next = now.addingTimeInterval(min(3600, 30 * pow(2, Double(attempts))))
        let kept = String(error.prefix(500))
        try await db.write { sql in
            try sql.run("""
                UPDATE outbox_messages SET attempts = \(bind: attempts + 1), last_error = \(bind: kept), \
                next_attempt_at = \(bind: next), lease_until = NULL WHERE id = \(bind: id)
                """)
        }
    }

    public func pendingCount() async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await db.read { sql in
            try sql.first("SELECT COUNT(*) AS n FROM outbox_messages WHERE sent_at IS NULL", decoding: Count.self)?.n ?? 0
        }
    }

    /// Messages to one address, newest first (tests and the staff outbox view).
    public func messages(to address: String) async throws -> [OutgoingMessage] {
        try await db.read { sql in
            try sql.rows("""
                SELECT to_address, subject, body FROM outbox_messages WHERE to_address = \(bind: address) ORDER BY created_at DESC
                """).map { row in
                OutgoingMessage(to: try row.decode(column: "to_address", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                                body: try row.decode(column: "body", as: String.self))
            }
        }
    }
}
