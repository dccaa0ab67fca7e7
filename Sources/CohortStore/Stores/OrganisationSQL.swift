import CohortCore
import Foundation
import SQLKit

/// The `organisations` row, read and written here only.
enum OrganisationSQL {
    static let columns = "id, name, acronym, country, kind, is_sample"
    static let qualifiedColumns = "o.id, o.name, o.acronym, o.country, o.kind, o.is_sample"

    struct Row: Decodable {
        let id: UUID
        let name: String
        let acronym: String?
        let country: String?
        let kind: String
        let is_sample: Bool

        var organisation: Organisation {
            get throws {
                Organisation(id: id, name: name, acronym: acronym,
                             country: try StoredValue.country(country, table: "organisations", column: "country"),
                             kind: try stored(kind, table: "organisations", column: "kind"), isSample: is_sample)
            }
        }
    }

    static func find(_ id: UUID, on sql: any SyncSQL) throws -> Organisation? {
        try sql.first("SELECT \(unsafeRaw: columns) FROM organisations WHERE id = \(bind: id)", decoding: Row.self)?.organisation
    }

    /// In `order` (from the code, never from a request).
    static func organisations(orderedBy order: String = "name", limit: Int? = nil, offset: Int = 0, on sql: any SyncSQL) throws -> [Organisation] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM organisations ORDER BY \(unsafeRaw: order), id"
        if let limit { query = "\(query) LIMIT \(bind: limit) OFFSET \(bind: offset)" }
        return try sql.rows(query).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).organisation }
    }

    static func insert(_ organisation: Organisation, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO organisations (id, name, acronym, country, kind, is_sample, created_at, updated_at)
            VALUES (\(bind: organisation.id), \(bind: organisation.name), \(bind: organisation.acronym), \(bind: organisation.country?.code),
                    \(bind: organisation.kind.rawValue), \(bind: organisation.isSample), \(bind: now), \(bind: now))
            """)
    }

    /// False when there is no such organisation.
    static func update(_ organisation: Organisation, now: Date, on sql: any SyncSQL) throws -> Bool {
        try !sql.rows("""
            UPDATE organisations SET name = \(bind: organisation.name), acronym = \(bind: organisation.acronym),
                   country = \(bind: organisation.country?.code), kind = \(bind: organisation.kind.rawValue),
                   is_sample = \(bind: organisation.isSample), updated_at = \(bind: now)
            WHERE id = \(bind: organisation.id) RETURNING id
            """).isEmpty
    }
}
