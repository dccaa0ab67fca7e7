import Foundation
import SQLKit

/// The version of public content. Every write that changes what a public page shows
/// bumps it in the same transaction, so every instance can tell its cache is stale.
public struct ContentVersionStore: Sendable {
    static let publicContent = "public"
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func current() async throws -> Int {
        struct Row: Decodable { let version: Int }
        return try await db.read { sql in
            try sql.first("SELECT version FROM content_versions WHERE name = \(bind: Self.publicContent)", decoding: Row.self)?.version ?? 0
        }
    }

    /// Inside the transaction of the change; one statement, so two changes never both start the counter.
    static func bump(on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO content_versions (name, version) VALUES (\(bind: publicContent), 1)
            ON CONFLICT (name) DO UPDATE SET version = content_versions.version + 1
            """)
    }
}
