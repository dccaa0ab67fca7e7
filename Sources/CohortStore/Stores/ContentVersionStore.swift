import FluentKit

/// The version of public content. Every write that changes what a public page shows
/// bumps it in the same transaction, so every instance can tell its cache is stale.
public struct ContentVersionStore: Sendable {
    static let publicContent = "public"
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func current() async throws -> Int {
        try await ContentVersionRecord.find(Self.publicContent, on: db)?.version ?? 0
    }

    public func bump() async throws {
        if let record = try await ContentVersionRecord.find(Self.publicContent, on: db) {
            record.version += 1
            try await record.update(on: db)
        } else {
            try await ContentVersionRecord(name: Self.publicContent, version: 1).create(on: db)
        }
    }
}
