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
        // Written on every start and submit: a plain insert, without the model layer's reflection.
        try await sql.raw("""
            INSERT INTO outbox_messages (id, to_address, subject, body, created_at, attempts, next_attempt_at) \
            VALUES (\(bind: UUID()), \(bind: message.to), \(bind: message.subject), \(bind: message.body), \(bind: now), 0, \(bind: now))
            """).run()
    }

    /// Claims up to `limit` messages that are due and not leased by another instance.
    public func claim(limit: Int, now: Date) async throws -> [Pending] {
        try await db.serializedTransaction { tx in try await Self.claim(limit: limit, now: now, on: tx) }
    }

    private static func claim(limit: Int, now: Date, on db: any Database) async throws -> [Pending] {
        let due = try await OutboxRecord.query(on: db).filter(\.$sentAt == nil).filter(\.$nextAttemptAt <= now)
            .filter(\.$attempts < maxAttempts)
            .group(.or) { $0.filter(\.$leaseUntil == nil).filter(\.$leaseUntil < now) }
            .sort(\.$createdAt).limit(limit).all()
        guard let sql = db as? any SQLDatabase else { return [] }
        var claimed: [Pending] = []
        for record in due {
            guard let id = record.id else { continue }
            // Only one instance wins the conditional update; the others see no row come back.
            let rows = try await sql.update(OutboxRecord.schema)
                .set("lease_until", to: SQLBind(now.addingTimeInterval(leaseSeconds)))
                .where("id", .equal, SQLBind(id))
                .where(SQLGroupExpression(SQLBinaryExpression(
                    left: SQLBinaryExpression(left: SQLIdentifier("lease_until"), op: SQLBinaryOperator.is, right: SQLLiteral.null),
                    op: SQLBinaryOperator.or,
                    right: SQLBinaryExpression(left: SQLIdentifier("lease_until"), op: SQLBinaryOperator.lessThan, right: SQLBind(now)))))
                .returning("id").all()
            if !rows.isEmpty {
                claimed.append(Pending(id: id, message: OutgoingMessage(to: record.toAddress, subject: record.subject, body: record.body),
                                       attempts: record.attempts))
            }
        }
        return claimed
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await db.serializedTransaction { tx in
            try await OutboxRecord.query(on: tx).filter(\.$id == id).set(\.$sentAt, to: now).set(\.$leaseUntil, to: nil).update()
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
