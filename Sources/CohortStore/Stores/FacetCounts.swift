import CohortCore
import FluentKit
import Foundation
import SQLKit

/// A call's facet version: a number bumped in the same transaction as every change to a
/// column staff filter, count or search by. Counts and totals computed under one version
/// stay true until it moves, so they are kept per process and shared by every request.
enum FacetVersion {
    static func bump(callID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(bumpQuery(callID)).run()
    }

    static func bump(callID: UUID, on sql: any SyncSQL) throws {
        try sql.run(bumpQuery(callID))
    }

    private static func bumpQuery(_ callID: UUID) -> SQLQueryString {
        "UPDATE calls SET facet_version = facet_version + 1 WHERE id = \(bind: callID)"
    }

    static func current(callID: UUID, on db: any Database) async throws -> Int? {
        guard let sql = db as? any SQLDatabase else { return nil }
        struct Row: Decodable { let facet_version: Int }
        return try await sql.raw("SELECT facet_version FROM calls WHERE id = \(bind: callID)").first(decoding: Row.self)?.facet_version
    }
}

/// Counts and totals per call, valid for one facet version. Bounded, so a process never
/// grows without limit however many filters staff try.
final class FacetCache: @unchecked Sendable {
    static let shared = FacetCache()
    private let lock = NSLock()
    private var entries: [String: (version: Int, value: [String: Int])] = [:]
    private let capacity = 2_000

    func value(_ key: String, version: Int) -> [String: Int]? {
        lock.withLock {
            guard let entry = entries[key], entry.version == version else { return nil }
            return entry.value
        }
    }

    func keep(_ value: [String: Int], key: String, version: Int) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (version, value)
        }
    }
}
