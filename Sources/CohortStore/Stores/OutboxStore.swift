import CohortCore
import FluentKit
import Foundation
import SQLKit

/// The outbox: messages are written with the change that causes them, then delivered by a
/// loop that claims them with a lease, so several instances never send one message twice
/// while each of them is alive.
public struct OutboxStore: Sendable {
    let db: any Database
    public static let leaseSeconds: TimeInterval = 120
    public static let maxAttempts = 8

    public init(db: any Database) { self.db = db }

    public struct Pending: Sendable {
        public let id: UUID
        public let message: OutgoingMessage
        public let attempts: Int
    }

    static func enqueue(_ message: OutgoingMessage, now: Date, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else {
            return try await OutboxRecord(to: message.to, subject: message.subject, body: message.body, now: now).create(on: tx)
        }
        try await sql.raw(insert(message, now: now)).run()
    }

    /// The same, inside a synchronous write transaction.
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

    /// Claims up to `limit` messages that are due and not leased by another instance.
    public func claim(limit: Int, now: Date) async throws -> [Pending] {
        try await db.serializedStatement { try await Self.claim(limit: limit, now: now, on: db) }
    }

    /// One statement: lease the oldest due messages that no live lease holds, and read them
    /// back. On PostgreSQL a second instance racing for the same rows re-checks the lease
    /// after the first commits and gets none of them.
    private static func claim(limit: Int, now: Date, on db: any Database) async throws -> [Pending] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { let id: UUID; let to_address: String; let subject: String; let body: String; let attempts: Int }
        let rows = try await sql.raw("""
            UPDATE outbox_messages SET lease_until = \(bind: now.addingTimeInterval(leaseSeconds)) \
            WHERE (lease_until IS NULL OR lease_until < \(bind: now)) AND id IN (SELECT id FROM outbox_messages \
            WHERE sent_at IS NULL AND next_attempt_at <= \(bind: now) AND attempts < \(bind: maxAttempts) \
            AND (lease_until IS NULL OR lease_until < \(bind: now)) ORDER BY created_at LIMIT \(bind: limit)) \
            RETURNING id, to_address, subject, body, attempts
            """).all(decoding: Row.self)
        return rows.map { Pending(id: $0.id, message: OutgoingMessage(to: $0.to_address, subject: $0.subject, body: $0.body), attempts: $0.attempts) }
    }

    /// A single statement, so it needs no transaction of its own.
    public func markSent(_ id: UUID, at now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await db.serializedStatement {
            try await sql.raw("UPDATE outbox_messages SET sent_at = \(bind: now), lease_until = NULL WHERE id = \(bind: id)").run()
        }
    }

    /// Schedules another try with a growing pause; the error is kept without the message's content.
    public func markFailed(_ id: UUID, attempts: Int, error: String, now: Date) async throws {
        let pause = min(3600, 30 * pow(2, Double(attempts)))
        try await db.serializedTransaction { tx in
            try await OutboxRecord.query(on: tx).filter(\.$id == id)
                .set(\.$attempts, to: attempts + 1).set(\.$lastError, to: String(error.prefix(500)))
                .set(\.$nextAttemptAt, to: now.addingTimeInterval(pause)).set(\.$leaseUntil, to: nil).update()
        }
    }

    public func pendingCount() async throws -> Int {
        try await OutboxRecord.query(on: db).filter(\.$sentAt == nil).count()
    }

    /// Messages to one address, newest first (tests and the staff outbox view).
    public func messages(to address: String) async throws -> [OutgoingMessage] {
        try await OutboxRecord.query(on: db).filter(\.$toAddress == address).sort(\.$createdAt, .descending).all()
            .map { OutgoingMessage(to: $0.toAddress, subject: $0.subject, body: $0.body) }
    }
}
