import CohortCore
import Foundation
import SQLKit

public enum ProgramSort: String, CaseIterable, Sendable {
    case title, start, status
}

/// Programs and their details. Writes bump the public content version in the same transaction.
public struct ProgramStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Every program the public may see, in no particular order.
    public func publicPrograms() async throws -> [Program] {
        try await db.read { sql in try ProgramSQL.programs(where: "status <> \(bind: ProgramStatus.draft.rawValue)", on: sql) }
    }

    /// A page of programs for staff; `visible` nil means all.
    public func page(_ request: ListRequest<ProgramSort>, visible: Set<UUID>?) async throws -> (items: [Program], total: Int) {
        if let visible, visible.isEmpty { return ([], 0) }
        let filter: SQLQueryString = visible.map { "id IN (\(binds: Array($0)))" } ?? "1 = 1"
        let direction = request.descending ? "DESC" : "ASC"
        // From the enum only, never from the request's text.
        let order = switch request.sort {
        case .title: "title \(direction)"
        case .start: "start_date \(direction), title"
        case .status: "status \(direction), title"
        }
        return try await db.read { sql in
            (try ProgramSQL.programs(where: filter, orderedBy: order, limit: request.pageSize, offset: request.offset, on: sql),
             try ProgramSQL.count(where: filter, on: sql))
        }
    }

    public func find(slug: String) async throws -> Program? {
        try await db.read { sql in try ProgramSQL.programs(where: "slug = \(bind: slug)", on: sql).first }
    }

    public func findByID(_ id: UUID) async throws -> Program? {
        try await db.read { sql in try ProgramSQL.programs(where: "id = \(bind: id)", on: sql).first }
    }

    /// The program and its parts in five statements on one connection, however many partners and modules it has.
    public func detail(slug: String) async throws -> ProgramDetail? {
        try await db.read { sql in
            guard let program = try ProgramSQL.programs(where: "slug = \(bind: slug)", on: sql).first else { return nil }
            return ProgramDetail(program: program, partnerships: try ProgramPartsSQL.partnerships(programID: program.id, on: sql),
                                 modules: try ProgramPartsSQL.modules(programID: program.id, on: sql),
                                 countries: try ProgramPartsSQL.countries(programID: program.id, on: sql),
                                 participantCount: try PeopleSQL.enrolled(programID: program.id, role: .participant, on: sql))
        }
    }

    public func create(_ program: Program, now: Date) async throws {
        try await db.write { sql in
            try Self.ensureSlugFree(program.slug, except: nil, on: sql)
            try ProgramSQL.insert(program, now: now, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    public func update(_ program: Program, now: Date) async throws {
        try await db.write { sql in
            try Self.ensureSlugFree(program.slug, except: program.id, on: sql)
            guard try ProgramSQL.update(program, now: now, on: sql) else { throw DomainError.notFound("program") }
            try ContentVersionStore.bump(on: sql)
        }
    }

    public func delete(_ id: UUID) async throws {
        try await db.write { sql in
            // Children are removed explicitly as well as by the foreign keys, so that an
            // SQLite file created without foreign-key enforcement is left clean too.
            try AgendaSQL.deleteSessions(ofModulesWhere: "program_id = \(bind: id)", on: sql)
            for table in ["partnerships", "program_modules", "program_countries", "enrolments", "program_memberships"] {
                try sql.run("DELETE FROM \(ident: table) WHERE program_id = \(bind: id)")
            }
            try sql.run("DELETE FROM programs WHERE id = \(bind: id)")
            try ContentVersionStore.bump(on: sql)
        }
    }

    private static func ensureSlugFree(_ slug: String, except id: UUID?, on sql: any SyncSQL) throws {
        let filter: SQLQueryString = id.map { "slug = \(bind: slug) AND id <> \(bind: $0)" } ?? "slug = \(bind: slug)"
        if try ProgramSQL.count(where: filter, on: sql) > 0 {
            throw FieldRefusal(.addressInUse(slug: slug))
        }
    }
}
