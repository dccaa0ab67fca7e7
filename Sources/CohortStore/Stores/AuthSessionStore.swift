import CohortCore
import FluentKit
import Foundation

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
        try await db.modelTransaction { tx in
            try await AuthSessionRecord(tokenHash: tokenHash, accountID: accountID, now: now).create(on: tx)
        }
    }

    public func find(tokenHash: String) async throws -> StoredSession? {
        guard let record = try await AuthSessionRecord.query(on: db.fluent).filter(\.$tokenHash == tokenHash).first(),
              let id = record.id else { return nil }
        return StoredSession(id: id, accountID: record.accountID, createdAt: record.createdAt, lastSeenAt: record.lastSeenAt)
    }

    public func touch(id: UUID, now: Date) async throws {
        try await db.modelTransaction { tx in
            try await AuthSessionRecord.query(on: tx).filter(\.$id == id).set(\.$lastSeenAt, to: now).update()
        }
    }

    public func delete(id: UUID) async throws {
        try await db.modelTransaction { tx in
            try await AuthSessionRecord.query(on: tx).filter(\.$id == id).delete()
        }
    }

    /// Removes sessions past either timeout, so the table does not grow without end.
    public func purge(idleBefore: Date, createdBefore: Date) async throws {
        try await db.modelTransaction { tx in
            try await AuthSessionRecord.query(on: tx).group(.or) {
                $0.filter(\.$lastSeenAt < idleBefore).filter(\.$createdAt < createdBefore)
            }.delete()
        }
    }
}

/// Failed sign-ins, counted for `SignInThrottle`.
public struct SignInFailureStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func counts(accountKey: String, addressKey: String, since: Date) async throws -> SignInThrottle.Counts {
        let recent = SignInFailureRecord.query(on: db.fluent).filter(\.$failedAt >= since)
        let pair = try await recent.copy().filter(\.$accountKey == accountKey).filter(\.$addressKey == addressKey).count()
        let address = try await recent.copy().filter(\.$addressKey == addressKey).count()
        let account = try await recent.copy().filter(\.$accountKey == accountKey).count()
        return SignInThrottle.Counts(pair: pair, address: address, account: account)
    }

    public func record(accountKey: String, addressKey: String, at now: Date) async throws {
        try await db.modelTransaction { tx in
            try await SignInFailureRecord(accountKey: accountKey, addressKey: addressKey, failedAt: now).create(on: tx)
        }
    }

    /// A successful sign-in forgives that pair's failures.
    public func clear(accountKey: String, addressKey: String) async throws {
        try await db.modelTransaction { tx in
            try await SignInFailureRecord.query(on: tx).filter(\.$accountKey == accountKey)
                .filter(\.$addressKey == addressKey).delete()
        }
    }

    public func purge(before: Date) async throws {
        try await db.modelTransaction { tx in
            try await SignInFailureRecord.query(on: tx).filter(\.$failedAt < before).delete()
        }
    }
}
