import CohortCore
import FluentKit
import Foundation

public enum OrganisationSort: String, CaseIterable, Sendable {
    case name, country, kind
}

public struct OrganisationStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func all() async throws -> [Organisation] {
        try await OrganisationRecord.query(on: db.fluent).sort(\.$name).all().map { try $0.value() }
    }

    public func page(_ request: ListRequest<OrganisationSort>) async throws -> (items: [Organisation], total: Int) {
        let query = OrganisationRecord.query(on: db.fluent)
        let total = try await query.count()
        let direction: DatabaseQuery.Sort.Direction = request.descending ? .descending : .ascending
        switch request.sort {
        case .name: query.sort(\.$name, direction)
        case .country: query.sort(\.$country, direction).sort(\.$name)
        case .kind: query.sort(\.$kind, direction).sort(\.$name)
        }
        let items = try await query.range(request.offset..<(request.offset + request.pageSize)).all()
        return (try items.map { try $0.value() }, total)
    }

    public func find(_ id: UUID) async throws -> Organisation? {
        try await OrganisationRecord.find(id, on: db.fluent)?.value()
    }

    public func create(_ organisation: Organisation) async throws {
        try await db.modelTransaction { tx in
            try await OrganisationRecord(organisation).create(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func update(_ organisation: Organisation) async throws {
        try await db.modelTransaction { tx in
            guard let record = try await OrganisationRecord.find(organisation.id, on: tx) else {
                throw DomainError.notFound("organisation")
            }
            record.apply(organisation)
            try await record.update(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    /// Deletes an organisation no program depends on; names the programs otherwise.
    public func delete(_ id: UUID) async throws {
        try await db.modelTransaction { tx in
            let uses = try await PartnershipRecord.query(on: tx).filter(\.$organisationID == id).all()
            if !uses.isEmpty {
                let titles = try await ProgramRecord.query(on: tx).filter(\.$id ~~ uses.map(\.programID)).all().map(\.title)
                throw DomainError.conflict(.organisationIsPartner(programs: titles.sorted()))
            }
            try await OrganisationRecord.query(on: tx).filter(\.$id == id).delete()
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }
}
