import FluentKit

/// The version of public content. Every write that changes what a public page shows
/// bumps it in the same transaction, so every instance can tell its cache is stale.
public struct ContentVersionStore: Sendable {
    static let publicContent = "public"
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func current() async throws -> Int {
        try await ContentVersionRecord.find(Self.publicContent, on: db.fluent)?.version ?? 0
    }

    /// Inside the transaction of the change.
    static func bump(on tx: any Database) async throws {
        if let record = try await ContentVersionRecord.find(publicContent, on: tx) {
            record.version += 1
            try await record.update(on: tx)
        } else {
            try await ContentVersionRecord(name: publicContent, version: 1).create(on: tx)
        }
    }
}
