import CohortCore
import FluentKit
import Foundation
import SQLKit

/// Staff lists of applications: filtered, searched, sorted, and paged by keyset so a
/// call with a hundred thousand applications pages as fast as one with ten.
public struct ApplicationListStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public struct Page: Sendable {
        public let items: [ApplicationSummary]
        public let total: Int
        public let next: ListCursor?
    }

    public func page(callID: UUID, filter: ApplicationFilter, sort: ApplicationSort, after cursor: ListCursor?, limit: Int) async throws -> Page {
        let total = try await total(callID: callID, filter: filter)
        let query = filtered(callID: callID, filter: filter)
        if let cursor { try applyCursor(cursor, sort: sort, to: query) }
        switch sort {
        case .newest: query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
        case .oldest: query.sort(\.$createdAt, .ascending).sort(\.$id, .ascending)
        case .name: query.sort(\.$fullName, .ascending).sort(\.$id, .ascending)
        case .reference: query.sort(\.$reference, .ascending).sort(\.$id, .ascending)
        }
        let records = try await query.limit(limit + 1).all()
        let shown = Array(records.prefix(limit))
        var next: ListCursor?
        if records.count > limit, let last = shown.last, let id = last.id {
            next = ListCursor(value: Self.sortValue(last, sort: sort), id: id)
        }
        return Page(items: try shown.map(Self.summary), total: total, next: next)
    }

    /// The listed applications of one call among `ids`, for a confirmation page.
    public func summaries(ids: [UUID], callID: UUID) async throws -> [ApplicationSummary] {
        try await ApplicationRecord.query(on: db).filter(\.$callID == callID).filter(\.$id ~~ ids)
            .sort(\.$reference).all().map(Self.summary)
    }

    /// Every application the filter matches, oldest first, for exports.
    public func all(callID: UUID, filter: ApplicationFilter) async throws -> [(summary: ApplicationSummary, answers: [String: Answer])] {
        try await filtered(callID: callID, filter: filter).sort(\.$createdAt).sort(\.$id).all().map {
            (try Self.summary($0), try JSONText.decode([String: Answer].self, $0.answers))
        }
    }

    /// How many applications of the call have each value, for the counts beside each filter.
    public func counts(callID: UUID, column: FacetColumn) async throws -> [String: Int] {
        try await facets(callID: callID, columns: [column])[column] ?? [:]
    }

    /// Counts per value for several columns, read under one facet version: from the cache
    /// while no application of the call has changed, from the database otherwise.
    public func facets(callID: UUID, columns: [FacetColumn] = FacetColumn.allCases) async throws -> [FacetColumn: [String: Int]] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let version = try await FacetVersion.current(callID: callID, on: db)
        var result: [FacetColumn: [String: Int]] = [:]
        for column in columns {
            let key = "\(callID)|facet|\(column.rawValue)"
            if let version, let cached = FacetCache.shared.value(key, version: version) {
                result[column] = cached
                continue
            }
            struct Row: Decodable { let value: String?; let n: Int }
            let rows = try await sql.select().column(SQLIdentifier(column.rawValue), as: "value").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(ApplicationRecord.schema).where("call_id", .equal, SQLBind(callID))
                .groupBy(SQLIdentifier(column.rawValue)).all(decoding: Row.self)
            let counts = Dictionary(rows.map { ($0.value ?? "", $0.n) }, uniquingKeysWith: +)
            if let version { FacetCache.shared.keep(counts, key: key, version: version) }
            result[column] = counts
        }
        return result
    }

    /// How many applications the filter matches, kept under the call's facet version.
    public func total(callID: UUID, filter: ApplicationFilter) async throws -> Int {
        let version = try await FacetVersion.current(callID: callID, on: db)
        let key = "\(callID)|total|" + filter.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        if let version, let cached = FacetCache.shared.value(key, version: version)?["n"] { return cached }
        let total = try await filtered(callID: callID, filter: filter).count()
        if let version { FacetCache.shared.keep(["n": total], key: key, version: version) }
        return total
    }

    public enum FacetColumn: String, Sendable, CaseIterable {
        case status, nationality, sector, gender, language
    }

    public func recordExport(accountID: UUID, callID: UUID, filter: ApplicationFilter, withIdentities: Bool, rows: Int) async throws {
        let record = ExportRecord()
        record.accountID = accountID
        record.callID = callID
        record.filter = filter.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        record.withIdentities = withIdentities
        record.rowCount = rows
        record.createdAt = Date()
        try await db.serializedTransaction { tx in try await record.create(on: tx) }
    }

    public func exports(callID: UUID) async throws -> [(accountID: UUID, filter: String, withIdentities: Bool, rows: Int, at: Date)] {
        try await ExportRecord.query(on: db).filter(\.$callID == callID).sort(\.$createdAt, .descending).all()
            .map { ($0.accountID, $0.filter, $0.withIdentities, $0.rowCount, $0.createdAt) }
    }

    private func filtered(callID: UUID, filter: ApplicationFilter) -> QueryBuilder<ApplicationRecord> {
        let query = ApplicationRecord.query(on: db).filter(\.$callID == callID)
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let eligible = filter.eligible { query.filter(\.$isEligible == eligible) }
        if let nationality = filter.nationality { query.filter(\.$nationality == nationality) }
        if let sector = filter.sector { query.filter(\.$sector == sector) }
        if let gender = filter.gender { query.filter(\.$gender == gender) }
        if let language = filter.language { query.filter(\.$language == language.rawValue) }
        if let from = filter.submittedFrom, let start = Self.startOfDay(from) { query.filter(\.$submittedAt >= start) }
        if let to = filter.submittedTo, let start = Self.startOfDay(to) { query.filter(\.$submittedAt < start.addingTimeInterval(86_400)) }
        if let search = filter.search, !search.isEmpty {
            let escaped = search.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
            query.filter(\.$searchText, .custom("LIKE"), "%\(escaped)%")
        }
        return query
    }

    private func applyCursor(_ cursor: ListCursor, sort: ApplicationSort, to query: QueryBuilder<ApplicationRecord>) throws {
        switch sort {
        case .newest, .oldest:
            guard let seconds = Double(cursor.value) else { return }
            let date = Date(timeIntervalSince1970: seconds)
            let descending = sort == .newest
            query.group(.or) { or in
                if descending { or.filter(\.$createdAt < date) } else { or.filter(\.$createdAt > date) }
                or.group(.and) { and in
                    and.filter(\.$createdAt == date)
                    if descending { and.filter(\.$id < cursor.id) } else { and.filter(\.$id > cursor.id) }
                }
            }
        case .name:
            query.group(.or) { or in
                or.filter(\.$fullName > cursor.value)
                or.group(.and) { $0.filter(\.$fullName == cursor.value).filter(\.$id > cursor.id) }
            }
        case .reference:
            query.group(.or) { or in
                or.filter(\.$reference > cursor.value)
                or.group(.and) { $0.filter(\.$reference == cursor.value).filter(\.$id > cursor.id) }
            }
        }
    }

    static func sortValue(_ record: ApplicationRecord, sort: ApplicationSort) -> String {
        switch sort {
        case .newest, .oldest: String(record.createdAt.timeIntervalSince1970)
        case .name: record.fullName
        case .reference: record.reference ?? ""
        }
    }

    static func startOfDay(_ date: CalendarDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }

    static func summary(_ record: ApplicationRecord) throws -> ApplicationSummary {
        ApplicationSummary(id: try record.requireID(), reference: record.reference,
                           status: ApplicationStatus(rawValue: record.status) ?? .draft, fullName: record.fullName, email: record.email,
                           nationality: record.nationality, sector: record.sector, gender: record.gender,
                           language: Language(rawValue: record.language) ?? .english,
                           isEligible: record.eligibilityOverride ?? record.isEligible,
                           ineligibilityReasons: (try? JSONText.decode([String].self, record.ineligibilityReasons)) ?? [],
                           createdAt: record.createdAt, submittedAt: record.submittedAt)
    }
}
