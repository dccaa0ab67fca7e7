import CohortCore
import Foundation
import SQLKit

public enum OrganisationSort: String, CaseIterable, Sendable {
    case name, country, kind
}

public struct OrganisationStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// By name.
    public func all() async throws -> [Organisation] {
        try await db.read { sql in try OrganisationSQL.organisations(on: sql) }
    }

    public func page(_ request: ListRequest<OrganisationSort>) async throws -> (items: [Organisation], total: Int) {
        let direction = request.descending ? "DESC" : "ASC"
        // From the enum only, never from the request's text.
        let order = switch request.sort {
        case .name: "name \(direction)"
        case .country: "country \(direction), name"
        case .kind: "kind \(direction), name"
        }
        struct Count: Decodable { let n: Int }
        return try await db.read { sql in
            let total = try sql.first("SELECT COUNT(*) AS n FROM organisations", decoding: Count.self)?.n ?? 0
            return (try OrganisationSQL.organisations(orderedBy: order, limit: request.pageSize, offset: request.offset, on: sql), total)
        }
    }

    public func find(_ id: UUID) async throws -> Organisation? {
        try await db.read { sql in try OrganisationSQL.find(id, on: sql) }
    }

    public func create(_ organisation: Organisation, now: Date) async throws {
        try await db.write { sql in
            try OrganisationSQL.insert(organisation, now: now, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    public func update(_ organisation: Organisation, now: Date) async throws {
        try await db.write { sql in
            guard try OrganisationSQL.update(organisation, now: now, on: sql) else { throw DomainError.notFound("organisation") }
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// Deletes an organisation no program depends on; names the programs otherwise.
    public func delete(_ id: UUID) async throws {
        try await db.write { sql in
            let titles = try ProgramPartsSQL.programTitles(organisationID: id, on: sql)
            if !titles.isEmpty { throw DomainError.conflict(.organisationIsPartner(programs: titles)) }
            try sql.run("DELETE FROM organisations WHERE id = \(bind: id)")
            try ContentVersionStore.bump(on: sql)
        }
    }
}
