import CohortCore
import Foundation
import SQLKit

/// A call's facet version: a number bumped in the same transaction as every change to a
/// column staff filter, count or search by. Counts and totals computed under one version
/// stay true until it moves, so they are kept per process and shared by every request.
enum FacetVersion {
    static func bump(callID: UUID, on sql: any SyncSQL) throws {
        try sql.run("UPDATE calls SET facet_version = facet_version + 1 WHERE id = \(bind: callID)")
    }

    static func current(callID: UUID, on sql: any SyncSQL) throws -> Int? {
        struct Row: Decodable { let facet_version: Int }
        return try sql.first("SELECT facet_version FROM calls WHERE id = \(bind: callID)", decoding: Row.self)?.facet_version
    }
}

/// What a cached count is for: a call, the kind of count, and its column or filter.
struct FacetKey: Hashable, Sendable {
    let callID: UUID
    let part: String
    let detail: String
}

/// Counts and totals per call, valid for one facet version. Bounded, so a process never
/// grows without limit however many filters staff try.
final class FacetCache: Sendable {
    static let shared = FacetCache()
    private let entries = BoundedCache<FacetKey, Versioned>(capacity: 1_000)

    private struct Versioned: Sendable {
        let version: Int
        let value: [String: Int]
    }

    func value(_ key: FacetKey, version: Int) -> [String: Int]? {
        guard let entry = entries.value(key), entry.version == version else { return nil }
        return entry.value
    }

    func keep(_ value: [String: Int], key: FacetKey, version: Int) {
        entries.keep(Versioned(version: version, value: value), for: key)
    }
}
