import CohortCore
import Foundation
import SQLKit

/// The `programs` row, read and written here only.
enum ProgramSQL {
    static let columns = "id, slug, title, theme, host_country, start_date, end_date, summary, description, status, lead_organisation_id, is_sample"

    struct Row: Decodable {
        let id: UUID
        let slug: String
        let title: String
        let theme: String
        let host_country: String
        let start_date: String
        let end_date: String
        let summary: String
        let description: String
        let status: String
        let lead_organisation_id: UUID?
        let is_sample: Bool

        var program: Program {
            get throws {
                Program(id: id, slug: slug, title: title, theme: theme,
                        hostCountry: try StoredValue.country(host_country, table: "programs", column: "host_country"),
                        startDate: try StoredValue.date(start_date, table: "programs", column: "start_date"),
                        endDate: try StoredValue.date(end_date, table: "programs", column: "end_date"),
                        summary: summary, description: description, status: try stored(status, table: "programs", column: "status"),
                        leadOrganisationID: lead_organisation_id, isSample: is_sample)
            }
        }
    }

    /// The programs `filter` (the statement's WHERE) picks, in `order` (from the code, never from a request).
    static func programs(where filter: SQLQueryString, orderedBy order: String = "title", limit: Int? = nil, offset: Int = 0,
                         on sql: any SyncSQL) throws -> [Program] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM programs WHERE \(filter) ORDER BY \(unsafeRaw: order), id"
        if let limit { query = "\(query) LIMIT \(bind: limit) OFFSET \(bind: offset)" }
        return try sql.rows(query).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).program }
    }

    static func count(where filter: SQLQueryString, on sql: any SyncSQL) throws -> Int {
        struct Count: Decodable { let n: Int }
        return try sql.first("SELECT COUNT(*) AS n FROM programs WHERE \(filter)", decoding: Count.self)?.n ?? 0
    }

    static func insert(_ program: Program, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO programs (id, slug, title, theme, host_country, start_date, end_date, summary, description, status,
                                  lead_organisation_id, is_sample, created_at, updated_at)
            VALUES (\(bind: program.id), \(bind: program.slug), \(bind: program.title), \(bind: program.theme), \(bind: program.hostCountry.code),
                    \(bind: program.startDate.iso), \(bind: program.endDate.iso), \(bind: program.summary), \(bind: program.description),
                    \(bind: program.status.rawValue), \(bind: program.leadOrganisationID), \(bind: program.isSample), \(bind: now), \(bind: now))
            """)
    }

    /// False when there is no such program.
    static func update(_ program: Program, now: Date, on sql: any SyncSQL) throws -> Bool {
        try !sql.rows("""
            UPDATE programs SET slug = \(bind: program.slug), title = \(bind: program.title), theme = \(bind: program.theme),
                   host_country = \(bind: program.hostCountry.code), start_date = \(bind: program.startDate.iso),
                   end_date = \(bind: program.endDate.iso), summary = \(bind: program.summary), description = \(bind: program.description),
                   status = \(bind: program.status.rawValue), lead_organisation_id = \(bind: program.leadOrganisationID),
                   is_sample = \(bind: program.isSample), updated_at = \(bind: now)
            WHERE id = \(bind: program.id) RETURNING id
            """).isEmpty
    }
}
