import FluentKit
import Foundation

/// A signed-in session. Only a hash of the cookie's token is stored, so a copy of the
/// database does not let anyone sign in.
final class AuthSessionRecord: Model, @unchecked Sendable {
    static let schema = "auth_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, accountID: UUID, now: Date) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// One failed sign-in, keyed by hashes of the email and the address (no personal data kept).
final class SignInFailureRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_key") var accountKey: String
    @Field(key: "address_key") var addressKey: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    init(accountKey: String, addressKey: String, failedAt: Date) {
        self.accountKey = accountKey
        self.addressKey = addressKey
        self.failedAt = failedAt
    }
}

/// A counter that every change to public content bumps, so each instance knows when
/// its cached pages are stale.
final class ContentVersionRecord: Model, @unchecked Sendable {
    static let schema = "content_versions"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "version") var version: Int

    init() {}

    init(name: String, version: Int) {
        self.id = name
        self.version = version
    }
}
