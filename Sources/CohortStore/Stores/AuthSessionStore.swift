import CohortCore
import Foundation
import SQLKit

/// Sessions in the database, so that every instance recognises every session.
public struct AuthSessionStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public struct StoredSession: Sendable {
        public let id: UUID
        public let accountID: UUID
        public let createdAt: Date
        public let lastSeenAt: Date
    }

    public func create(tokenHash: String, accountID: UUID, now: Date) async throws {
        try await db.write { sql in
            try sql.run("""
                INSERT INTO auth_sessions (id, token_hash, account_id, created_at, last_seen_at) \
                VALUES (\(bind: UUID()), \(bind: tokenHash), \(bind: accountID), \(bind: now), \(bind: now))
                """)
        }
    }

    /// A session with the account it belongs to, and that account as an actor when it may still sign in.
    public struct SignedIn: Sendable {
        public let session: StoredSession
        /// Nil when the account is gone.
        public let account: Account?
        /// Nil unless the account is active.
        public let actor: Actor?
    }

    /// Read on every signed-in request: the session, its account and the account's roles in one
    /// read, so a page pays for one hand-over to the database instead of three.
    public func signedIn(tokenHash: String) async throws -> SignedIn? {
        try await db.read { sql in
            guard let session = try sql.rows("""
                SELECT id, account_id, created_at, last_seen_at FROM auth_sessions WHERE token_hash = \(bind: tokenHash)
                """).first.map({ row in
                StoredSession(id: try row.decode(column: "id", as: UUID.self), accountID: try row.decode(column: "account_id", as: UUID.self),
                              createdAt: try row.decode(column: "created_at", as: Date.self),
                              lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self))
            }) else { return nil }
            let account = try AccountSQL.find(session.accountID, on: sql)
            let actor = try account.flatMap { $0.isActive ? try AccountSQL.actor(of: $0, on: sql) : nil }
            return SignedIn(session: session, account: account, actor: actor)
        }
    }

    public func touch(id: UUID, now: Date) async throws {
        try await db.write { sql in try sql.run("UPDATE auth_sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: id)") }
    }

    public func delete(id: UUID) async throws {
        try await db.write { sql in try sql.run("DELETE FROM auth_sessions WHERE id = \(bind: id)") }
    }

    /// Removes sessions past either timeout, so the table does not grow without end.
    public func purge(idleBefore: Date, createdBefore: Date) async throws {
        try await db.write { sql in
            try sql.run("DELETE FROM auth_sessions WHERE last_seen_at < \(bind: idleBefore) OR created_at < \(bind: createdBefore)")
        }
    }
}

/// Failed sign-ins, counted for `SignInThrottle`.
public struct SignInFailureStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func counts(accountKey: String, addressKey: String, since: Date) async throws -> SignInThrottle.Counts {
        struct Row: Decodable { let pair: Int; let address: Int; let account: Int }
        let row = try await db.read { sql in
            try sql.first("""
                SELECT (SELECT COUNT(*) FROM sign_in_failures WHERE failed_at >= \(bind: since) AND account_key = \(bind: accountKey) \
                AND address_key = \(bind: addressKey)) AS pair, \
                (SELECT COUNT(*) FROM sign_in_failures WHERE failed_at >= \(bind: since) AND address_key = \(bind: addressKey)) AS address, \
                (SELECT COUNT(*) FROM sign_in_failures WHERE failed_at >= \(bind: since) AND account_key = \(bind: accountKey)) AS account
                """, decoding: Row.self)
        }
        guard let row else { throw StoreError.corrupt(table: "sign_in_failures", column: "count") }
        return SignInThrottle.Counts(pair: row.pair, address: row.address, account: row.account)
    }

    public func record(accountKey: String, addressKey: String, at now: Date) async throws {
        try await db.write { sql in
            try sql.run("""
                INSERT INTO sign_in_failures (id, account_key, address_key, failed_at) \
                VALUES (\(bind: UUID()), \(bind: accountKey), \(bind: addressKey), \(bind: now))
                """)
        }
    }

    /// A successful sign-in forgives that pair's failures.
    public func clear(accountKey: String, addressKey: String) async throws {
        try await db.write { sql in
            try sql.run("DELETE FROM sign_in_failures WHERE account_key = \(bind: accountKey) AND address_key = \(bind: addressKey)")
        }
    }

    public func purge(before: Date) async throws {
        try await db.write { sql in try sql.run("DELETE FROM sign_in_failures WHERE failed_at < \(bind: before)") }
    }
}
