import CohortCore
import FluentKit
import Foundation

/// Staff members' personal API tokens, kept as hashes.
public struct APITokenStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func create(accountID: UUID, name: String, tokenHash: String, now: Date) async throws -> APIToken {
        let record = APITokenRecord()
        record.id = UUID()
        record.accountID = accountID
        record.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        record.tokenHash = tokenHash
        record.createdAt = now
        try await db.modelTransaction { tx in try await record.create(on: tx) }
        return Self.value(record)
    }

    /// A new token for a staff account, named `name`: the same for the staff page (the
    /// signed-in account) and `cohort user token` (an account found by email). `makeToken`
    /// gives the token and the hash to keep; the token is returned once and never stored.
    public func issue(to accountID: UUID, name: String, now: Date, makeToken: () -> (token: String, hash: String)) async throws -> String {
        if let problem = APIToken.nameProblem(name) { throw ValidationFailure([FieldError("name", problem)]) }
        let made = makeToken()
        _ = try await create(accountID: accountID, name: name, tokenHash: made.hash, now: now)
        return made.token
    }

    /// The same for the account with this email, which must be active and staff of something.
    public func issue(toEmail email: String, name: String, now: Date, makeToken: () -> (token: String, hash: String)) async throws -> String {
        if let problem = APIToken.nameProblem(name) { throw ValidationFailure([FieldError("name", problem)]) }
        let accounts = AccountStore(db: db)
        guard let account = try await accounts.credentials(email: EmailAddress.normalise(email))?.account, account.isActive else {
            throw ValidationFailure([FieldError("email", "No active account has this email address.")])
        }
        guard AccessPolicy.isStaff(try await accounts.actor(account)) else {
            throw ValidationFailure([FieldError("email", "This account manages no program, so a token would open nothing.")])
        }
        return try await issue(to: account.id, name: name, now: now, makeToken: makeToken)
    }

    public func tokens(accountID: UUID) async throws -> [APIToken] {
        try await APITokenRecord.query(on: db.fluent).filter(\.$accountID == accountID).sort(\.$createdAt, .descending).all().map(Self.value)
    }

    public func find(tokenHash: String) async throws -> APIToken? {
        try await APITokenRecord.query(on: db.fluent).filter(\.$tokenHash == tokenHash).first().map(Self.value)
    }

    /// Deletes one of the account's tokens; another account's token is left alone.
    public func revoke(id: UUID, accountID: UUID) async throws -> Bool {
        try await db.modelTransaction { tx in
            guard let record = try await APITokenRecord.query(on: tx).filter(\.$id == id).filter(\.$accountID == accountID).first() else {
                return false
            }
            try await record.delete(on: tx)
            return true
        }
    }

    public func touch(id: UUID, now: Date) async throws {
        try await db.modelTransaction { tx in
            try await APITokenRecord.query(on: tx).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
        }
    }

    static func value(_ record: APITokenRecord) -> APIToken {
        APIToken(id: record.id!, accountID: record.accountID, name: record.name, createdAt: record.createdAt, lastUsedAt: record.lastUsedAt)
    }
}
