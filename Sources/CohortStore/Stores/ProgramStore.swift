import CohortCore
import FluentKit
import Foundation

public enum ProgramSort: String, CaseIterable, Sendable {
    case title, start, status
}

/// Programs and their details. Writes bump the public content version in the same transaction.
public struct ProgramStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Every program the public may see, in no particular order.
    public func publicPrograms() async throws -> [Program] {
        try await ProgramRecord.query(on: db.fluent).filter(\.$status != ProgramStatus.draft.rawValue).all().map { try $0.value() }
    }

    /// A page of programs for staff; `visible` nil means all.
    public func page(_ request: ListRequest<ProgramSort>, visible: Set<UUID>?) async throws -> (items: [Program], total: Int) {
        let query = ProgramRecord.query(on: db.fluent)
        if let visible { query.filter(\.$id ~~ Array(visible)) }
        let total = try await query.count()
        let direction: DatabaseQuery.Sort.Direction = request.descending ? .descending : .ascending
        switch request.sort {
        case .title: query.sort(\.$title, direction)
        case .start: query.sort(\.$startDate, direction).sort(\.$title)
        case .status: query.sort(\.$status, direction).sort(\.$title)
        }
        let records = try await query.range(request.offset..<(request.offset + request.pageSize)).all()
        return (try records.map { try $0.value() }, total)
    }

    public func find(slug: String) async throws -> Program? {
        try await ProgramRecord.query(on: db.fluent).filter(\.$slug == slug).first()?.value()
    }

    /// The program and its parts in five queries, however many partners and modules it has.
    public func detail(slug: String) async throws -> ProgramDetail? {
        guard let program = try await find(slug: slug) else { return nil }
        async let partnerRecords = PartnershipRecord.query(on: db.fluent).filter(\.$programID == program.id).all()
        async let moduleRecords = ModuleRecord.query(on: db.fluent).filter(\.$programID == program.id).all()
        async let countryRecords = ProgramCountryRecord.query(on: db.fluent).filter(\.$programID == program.id).all()
        async let participantCount = db.read { sql in try PeopleSQL.enrolled(programID: program.id, role: .participant, on: sql) }
        let partners = try await partnerRecords
        let organisations = try await OrganisationRecord.query(on: db.fluent)
            .filter(\.$id ~~ Set(partners.map(\.organisationID))).all()
        let byID = Dictionary(uniqueKeysWithValues: try organisations.map { ($0.id!, try $0.value()) })
        let partnerships = try partners.compactMap { record -> Partnership? in
            guard let organisation = byID[record.organisationID], let id = record.id else { return nil }
            return Partnership(id: id, programID: program.id, organisation: organisation,
                               role: try stored(record.role, table: PartnershipRecord.schema, column: "role"), description: record.description)
        }
        return ProgramDetail(program: program, partnerships: partnerships,
                             modules: try await moduleRecords.map { try $0.value() },
                             countries: try await countryRecords.map { try $0.value() },
                             participantCount: try await participantCount)
    }

    public func create(_ program: Program) async throws {
        try await db.modelTransaction { tx in
            try await ensureSlugFree(program.slug, except: nil, on: tx)
            try await ProgramRecord(program).create(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func update(_ program: Program) async throws {
        try await db.modelTransaction { tx in
            try await ensureSlugFree(program.slug, except: program.id, on: tx)
            guard let record = try await ProgramRecord.find(program.id, on: tx) else { throw DomainError.notFound("program") }
            record.apply(program)
            try await record.update(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func delete(_ id: UUID) async throws {
        try await db.modelTransaction { tx in
            // Children are removed explicitly as well as by the foreign keys, so that an
            // SQLite file created without foreign-key enforcement is left clean too.
            try await PartnershipRecord.query(on: tx).filter(\.$programID == id).delete()
            try await ModuleRecord.query(on: tx).filter(\.$programID == id).delete()
            try await ProgramCountryRecord.query(on: tx).filter(\.$programID == id).delete()
            try await db.statements(in: tx) { sql in
                try PeopleSQL.deleteEnrolments(programID: id, on: sql)
                try sql.run("DELETE FROM program_memberships WHERE program_id = \(bind: id)")
            }
            try await ProgramRecord.query(on: tx).filter(\.$id == id).delete()
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    private func ensureSlugFree(_ slug: String, except id: UUID?, on tx: any Database) async throws {
        let query = ProgramRecord.query(on: tx).filter(\.$slug == slug)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 {
            throw ValidationFailure([FieldError("slug", "Another program already uses the address \(slug). Choose another.")])
        }
    }
}

extension ProgramStore {
    public func findByID(_ id: UUID) async throws -> Program? {
        try await ProgramRecord.find(id, on: db.fluent)?.value()
    }
}
