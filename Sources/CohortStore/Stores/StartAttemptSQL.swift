import CohortCore
import Foundation
import SQLKit

/// Attempts that send a link by email (an application's start, a participant's sign-in link),
/// counted per address and per client for `StartLimit`. Each attempt is recorded and committed
/// before anything is counted: of attempts sent at once, the k-th to commit sees at least k
/// (on PostgreSQL a transaction does not see another's uncommitted rows, so counting in one
/// would not do).
enum StartAttemptSQL {
    static func record(_ starter: ApplicationStore.Starter, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO start_attempts (id, address_key, client_key, attempted_at) \
            VALUES (\(bind: UUID()), \(bind: starter.addressKey), \(bind: starter.clientKey), \(bind: now))
            """)
    }

    /// What the limit says of the attempts in its window, this one included.
    static func decide(_ starter: ApplicationStore.Starter, limit: StartLimit, now: Date, on sql: any SyncSQL) throws -> StartLimit.Decision {
        struct Counts: Decodable { let address: Int; let client: Int }
        let since = now.addingTimeInterval(-TimeInterval(limit.windowSeconds))
        guard let counts = try sql.first("""
            SELECT (SELECT COUNT(*) FROM start_attempts WHERE address_key = \(bind: starter.addressKey) \
            AND attempted_at > \(bind: since)) AS address, (SELECT COUNT(*) FROM start_attempts \
            WHERE client_key = \(bind: starter.clientKey) AND attempted_at > \(bind: since)) AS client
            """, decoding: Counts.self) else { throw StoreError.corrupt(table: "start_attempts", column: "count") }
        return limit.decide(StartLimit.Counts(address: counts.address, client: counts.client))
    }
}
