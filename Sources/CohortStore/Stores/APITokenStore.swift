import CohortCore
import SQLKit
import Foundation

/// Staff members' personal API tokens, kept as hashes.
public struct APITokenStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func create(accountID: UUID, name: String, tokenHash: String, now: Date) async throws -> APIToken {
        let token = APIToken(id: UUID(), accountID: accountID, name: name.trimmingCharacters(in: .whitespacesAndNewlines), createdAt: now,
                             lastUsedAt: nil)
        try await db.write { sql in
            try sql.run("""
                INSERT INTO api_tokens (id, account_id, name, token_hash, created_at)
                VALUES (\(bind: token.id), \(bind: accountID), \(bind: token.name), \(bind: tokenHash), \(bind: now))
                """)
        }
        return token
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
            throw FieldRefusal(.noActiveAccount)
        }
        guard AccessPolicy.isStaff(try await accounts.actor(account)) else {
            throw FieldRefusal(.accountManagesNoProgram)
        }
        return try await issue(to: account.id, name: name, now: now, makeToken: makeToken)
    }

    /// Newest first.
    public func tokens(accountID: UUID) async throws -> [APIToken] {
        try await db.read { sql in
            try sql.rows("SELECT \(unsafeRaw: Row.columns) FROM api_tokens WHERE account_id = \(bind: accountID) ORDER BY created_at DESC")
                .map { try Row.decode($0) }
        }
    }

    public func find(tokenHash: String) async throws -> APIToken? {
        try await db.read { sql in
            try sql.rows("SELECT \(unsafeRaw: Row.columns) FROM api_tokens WHERE token_hash = \(bind: tokenHash)").first.map(Row.decode)
        }
    }

    /// Deletes one of the account's tokens; another account's token is left alone.
    public func revoke(id: UUID, accountID: UUID) async throws -> Bool {
        try await db.write { sql in
            guard try sql.rows("SELECT id FROM api_tokens WHERE id = \(bind: id) AND account_id = \(bind: accountID)").first != nil else {
                return false
            }
            try sql.run("DELETE FROM api_tokens WHERE id = \(bind: id) AND account_id = \(bind: accountID)")
            return true
        }
    }

    public func touch(id: UUID, now: Date) async throws {
        try await db.write { sql in try sql.run("UPDATE api_tokens SET last_used_at = \(bind: now) WHERE id = \(bind: id)") }
    }

    /// The `api_tokens` row, without its hash (never read back but to be matched).
    struct Row: Decodable {
        static let columns = "id, account_id, name, created_at, last_used_at"

        let id: UUID
        let account_id: UUID
        let name: String
        let created_at: Date
        let last_used_at: Date?

        static func decode(_ row: any SQLRow) throws -> APIToken {
            let row = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            return APIToken(id: row.id, accountID: row.account_id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at)
        }
    }
}
