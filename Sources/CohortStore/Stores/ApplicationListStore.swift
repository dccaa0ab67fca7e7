import CohortCore
import Foundation
import SQLKit

/// Staff lists of applications: filtered, searched, sorted, and paged by keyset so a
/// call with a hundred thousand applications pages as fast as one with ten.
public struct ApplicationListStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public struct Page: Sendable {
        public let items: [ApplicationSummary]
        public let total: Int
        public let next: ListCursor?
        /// The counts beside each filter, when asked for with the page.
        public var facets: [FacetColumn: [String: Int]] = [:]

        public init(items: [ApplicationSummary], total: Int, next: ListCursor?, facets: [FacetColumn: [String: Int]] = [:]) {
            self.items = items
            self.total = total
            self.next = next
            self.facets = facets
        }
    }

    /// One page of the list, its total and (with `facets`) the counts beside each filter, read in
    /// one hand-over to a reading connection.
    public func page(callID: UUID, filter: ApplicationFilter, sort: ApplicationSort, after cursor: ListCursor?, limit: Int,
                     facets columns: [FacetColumn] = []) async throws -> Page {
        // Only the listed columns, never the answers: a page reads 51 small rows.
        let query = db.dialect.select().columns(ApplicationSQL.listColumns.map { SQLIdentifier($0) }).from("applications")
        Self.where(query, callID: callID, filter: filter)
        if let cursor { Self.after(cursor, sort: sort, in: query) }
        let (column, descending) = Self.order(sort)
        query.orderBy(column, descending ? .descending : .ascending)
            .orderBy("id", descending ? .descending : .ascending)
            .limit(limit + 1)
        let statement = query.select
        let counting = totalQuery(callID: callID, filter: filter)
        // The total and the rows in one hand-over to a reading connection.
        let (total, rows, facets) = try await db.read { sql in
            (try Self.total(counting, on: sql), try sql.rows(statement).map(ApplicationSQL.Row.init),
             try Self.facets(callID: callID, columns: columns, on: sql))
        }
        let shown = try Array(rows.prefix(limit)).map { try $0.summary() }
        var next: ListCursor?
        if rows.count > limit, let last = shown.last {
            next = ListCursor(value: Self.sortValue(last, sort: sort), id: last.id)
        }
        return Page(items: shown, total: total, next: next, facets: facets)
    }

    static func order(_ sort: ApplicationSort) -> (column: String, descending: Bool) {
        switch sort {
        case .newest: ("created_at", true)
        case .oldest: ("created_at", false)
        case .name: ("full_name", false)
        case .reference: ("reference", false)
        }
    }

    /// The filter as SQL conditions. `is_eligible` already holds a manager's override.
    static func `where`(_ query: some SQLPredicateBuilder, callID: UUID, filter: ApplicationFilter) {
        query.where(SQLIdentifier("call_id"), .equal, SQLBind(callID))
        if let status = filter.status { query.where(SQLIdentifier("status"), .equal, SQLBind(status.rawValue)) }
        if let eligible = filter.eligible { query.where(SQLIdentifier("is_eligible"), .equal, SQLBind(eligible)) }
        if let nationality = filter.nationality { query.where(SQLIdentifier("nationality"), .equal, SQLBind(nationality)) }
        if let sector = filter.sector { query.where(SQLIdentifier("sector"), .equal, SQLBind(sector)) }
        if let gender = filter.gender { query.where(SQLIdentifier("gender"), .equal, SQLBind(gender)) }
        if let language = filter.language { query.where(SQLIdentifier("language"), .equal, SQLBind(language.rawValue)) }
        if let from = filter.submittedFrom, let start = startOfDay(from) { query.where(SQLIdentifier("submitted_at"), .greaterThanOrEqual, SQLBind(start)) }
        if let to = filter.submittedTo, let start = startOfDay(to) {
            query.where(SQLIdentifier("submitted_at"), .lessThan, SQLBind(start.addingTimeInterval(86_400)))
        }
        if let search = filter.search, !search.isEmpty {
            // Wildcards typed by the person are taken literally by removing them.
            let escaped = search.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
            query.where(SQLIdentifier("search_text"), .like, SQLBind("%\(escaped)%"))
        }
    }

    /// Rows after the cursor in the sort's order, ties broken by id.
    static func after(_ cursor: ListCursor, sort: ApplicationSort, in query: some SQLPredicateBuilder) {
        let (column, descending) = order(sort)
        let beyond: SQLBinaryOperator = descending ? .lessThan : .greaterThan
        let value: any SQLExpression
        switch sort {
        case .newest, .oldest:
            guard let seconds = Double(cursor.value) else { return }
            value = SQLBind(Date(timeIntervalSince1970: seconds))
        case .name, .reference:
            value = SQLBind(cursor.value)
        }
        query.where(group: { group in
            group.where(SQLIdentifier(column), beyond, value)
                .orWhere(group: { tie in
                    tie.where(SQLIdentifier(column), .equal, value).where(SQLIdentifier("id"), beyond, SQLBind(cursor.id))
                })
        })
    }

    /// Every application the filter matches, oldest first, for exports.
    public func all(callID: UUID, filter: ApplicationFilter) async throws -> [(summary: ApplicationSummary, answers: [String: Answer])] {
        let query = db.dialect.select().columns(ApplicationSQL.columns.map { SQLIdentifier($0) }).from("applications")
        Self.where(query, callID: callID, filter: filter)
        query.orderBy(SQLIdentifier("created_at")).orderBy(SQLIdentifier("id"))
        let statement = query.select
        return try await db.read { sql in
            try sql.rows(statement).map { row in
                let application = try ApplicationSQL.Row(row)
                return (try application.summary(), try application.decodedAnswers())
            }
        }
    }

    /// The listed applications of one call among `ids`, for a confirmation page.
    public func summaries(ids: [UUID], callID: UUID) async throws -> [ApplicationSummary] {
        guard !ids.isEmpty else { return [] }
        return try await db.read { sql in
            try sql.rows("""
                SELECT \(unsafeRaw: ApplicationSQL.columnList) FROM applications WHERE call_id = \(bind: callID) AND id IN (\(binds: ids)) \
                ORDER BY reference
                """).map { try ApplicationSQL.Row($0).summary() }
        }
    }

    /// How many applications of the call have each value, for the counts beside each filter.
    public func counts(callID: UUID, column: FacetColumn) async throws -> [String: Int] {
        try await facets(callID: callID, columns: [column])[column] ?? [:]
    }

    /// Counts per value for several columns, read under one facet version: from the cache
    /// while no application of the call has changed, from the database otherwise.
    public func facets(callID: UUID, columns: [FacetColumn] = FacetColumn.allCases) async throws -> [FacetColumn: [String: Int]] {
        try await db.read { sql in try Self.facets(callID: callID, columns: columns, on: sql) }
    }

    private static func facets(callID: UUID, columns: [FacetColumn], on sql: any SyncSQL) throws -> [FacetColumn: [String: Int]] {
        guard !columns.isEmpty else { return [:] }
        let version = try FacetVersion.current(callID: callID, on: sql)
        var result: [FacetColumn: [String: Int]] = [:]
        for column in columns {
            let key = FacetKey(callID: callID, part: "facet", detail: column.rawValue)
            if let version, let cached = FacetCache.shared.value(key, version: version) {
                result[column] = cached
                continue
            }
            struct Row: Decodable { let value: String?; let n: Int }
            let rows = try sql.rows("""
                SELECT \(ident: column.rawValue) AS value, COUNT(*) AS n FROM applications WHERE call_id = \(bind: callID) \
                GROUP BY \(ident: column.rawValue)
                """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
            let counts = Dictionary(rows.map { ($0.value ?? "", $0.n) }, uniquingKeysWith: +)
            if let version { FacetCache.shared.keep(counts, key: key, version: version) }
            result[column] = counts
        }
        return result
    }

    /// How many applications the filter matches, kept under the call's facet version.
    public func total(callID: UUID, filter: ApplicationFilter) async throws -> Int {
        let counting = totalQuery(callID: callID, filter: filter)
        return try await db.read { sql in try Self.total(counting, on: sql) }
    }

    /// The statement that counts what a filter matches, with its cache key.
    struct TotalQuery: Sendable {
        let callID: UUID
        let key: FacetKey
        let statement: SQLSelect
    }

    private func totalQuery(callID: UUID, filter: ApplicationFilter) -> TotalQuery {
        let query = db.dialect.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("applications")
        Self.where(query, callID: callID, filter: filter)
        return TotalQuery(callID: callID, key: FacetKey(callID: callID, part: "total",
                                                        detail: filter.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "&")),
                          statement: query.select)
    }

    private static func total(_ counting: TotalQuery, on sql: any SyncSQL) throws -> Int {
        let version = try FacetVersion.current(callID: counting.callID, on: sql)
        if let version, let cached = FacetCache.shared.value(counting.key, version: version)?["n"] { return cached }
        struct Count: Decodable { let n: Int }
        let total = try sql.first(counting.statement, decoding: Count.self)?.n ?? 0
        if let version { FacetCache.shared.keep(["n": total], key: counting.key, version: version) }
        return total
    }

    public enum FacetColumn: String, Sendable, CaseIterable {
        case status, nationality, sector, gender, language
    }

    public func recordExport(accountID: UUID, callID: UUID, filter: ApplicationFilter, withIdentities: Bool, rows: Int, now: Date) async throws {
        let filterText = filter.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        try await db.write { sql in
            try sql.run("""
                INSERT INTO export_records (id, account_id, call_id, filter, with_identities, row_count, created_at)
                VALUES (\(bind: UUID()), \(bind: accountID), \(bind: callID), \(bind: filterText), \(bind: withIdentities), \(bind: rows), \(bind: now))
                """)
        }
    }

    /// Newest first.
    public func exports(callID: UUID) async throws -> [(accountID: UUID, filter: String, withIdentities: Bool, rows: Int, at: Date)] {
        struct Row: Decodable { let account_id: UUID; let filter: String; let with_identities: Bool; let row_count: Int; let created_at: Date }
        return try await db.read { sql in
            try sql.rows("""
                SELECT account_id, filter, with_identities, row_count, created_at FROM export_records WHERE call_id = \(bind: callID)
                ORDER BY created_at DESC
                """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
                .map { ($0.account_id, $0.filter, $0.with_identities, $0.row_count, $0.created_at) }
        }
    }

    static func sortValue(_ summary: ApplicationSummary, sort: ApplicationSort) -> String {
        switch sort {
        case .newest, .oldest: String(summary.createdAt.timeIntervalSince1970)
        case .name: summary.fullName
        case .reference: summary.reference ?? ""
        }
    }

    static func startOfDay(_ date: CalendarDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }
}
