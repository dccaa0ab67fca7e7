import CohortCore
import Foundation
import SQLKit

/// An applicant's private link as a lookup finds it.
public enum PrivateLink<Opened: Sendable>: Sendable {
    case open(Opened)
    /// The link was real but has not been used for longer than links live: the applicant
    /// asks for a new one on the call's page.
    case expired(callID: UUID)
}

/// Private links: one live link per application (a new one retires the others), which
/// expires when it has not been used for the configured lifetime. Using a link renews it,
/// at most once a day so that reading an application stays a read.
enum PrivateLinkSQL {
    static let renewalInterval: TimeInterval = 24 * 60 * 60

    /// Retires every link of the application and records the new one, used now.
    static func replace(applicationID: UUID, tokenHash: String, now: Date) -> [SQLQueryString] {
        ["UPDATE application_tokens SET retired_at = \(bind: now) WHERE application_id = \(bind: applicationID) AND retired_at IS NULL",
         """
         INSERT INTO application_tokens (id, application_id, token_hash, created_at, last_used_at) \
         VALUES (\(bind: UUID()), \(bind: applicationID), \(bind: tokenHash), \(bind: now), \(bind: now))
         """]
    }

    struct Found {
        let row: ApplicationSQL.Row
        let usedAt: Date
        let isRetired: Bool
    }

    /// The application a link opens, with when the link was last used, in one query.
    static func find(tokenHash: String, on sql: any SyncSQL) throws -> Found? {
        guard let row = try sql.rows("""
            SELECT \(unsafeRaw: ApplicationSQL.qualifiedColumnList), COALESCE(t.last_used_at, t.created_at) AS link_used_at, \
            t.retired_at AS link_retired_at FROM application_tokens t JOIN applications a ON a.id = t.application_id \
            WHERE t.token_hash = \(bind: tokenHash)
            """).first else { return nil }
        return Found(row: try ApplicationSQL.Row(row), usedAt: try row.decode(column: "link_used_at", as: Date.self),
                     isRetired: try row.decode(column: "link_retired_at", as: Date?.self) != nil)
    }

    static func isExpired(_ found: Found, now: Date, lifetime: TimeInterval) -> Bool {
        found.isRetired || found.usedAt < now.addingTimeInterval(-lifetime)
    }

    static func needsRenewal(usedAt: Date, now: Date) -> Bool {
        usedAt < now.addingTimeInterval(-renewalInterval)
    }

    static func renew(tokenHash: String, now: Date) -> SQLQueryString {
        "UPDATE application_tokens SET last_used_at = \(bind: now) WHERE token_hash = \(bind: tokenHash)"
    }
}
