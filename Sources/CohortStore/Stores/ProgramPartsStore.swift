import CohortCore
import Foundation
import SQLKit

/// Partners, modules and countries of one program. Every change bumps the public content version.
public struct ProgramPartsStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func addPartner(programID: UUID, organisationID: UUID, role: PartnerRole, description: String) async throws {
        try await db.write { sql in
            guard try OrganisationSQL.find(organisationID, on: sql) != nil else {
                throw FieldRefusal(.organisationNotListed)
            }
            if try ProgramPartsSQL.hasPartnership(programID: programID, organisationID: organisationID, role: role, on: sql) {
                throw FieldRefusal(.partnerRoleAlreadyHeld)
            }
            try ProgramPartsSQL.insertPartnership(programID: programID, organisationID: organisationID, role: role, description: description, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    public func removePartner(programID: UUID, partnershipID: UUID) async throws {
        try await deleteAndBump("DELETE FROM partnerships WHERE program_id = \(bind: programID) AND id = \(bind: partnershipID) RETURNING id")
    }

    /// The program's modules by number.
    public func modules(programID: UUID) async throws -> [ProgramModule] {
        try await db.read { sql in try ProgramPartsSQL.modules(programID: programID, on: sql) }
    }

    public func module(programID: UUID, moduleID: UUID) async throws -> ProgramModule? {
        try await db.read { sql in try ProgramPartsSQL.modules(programID: programID, on: sql).first { $0.id == moduleID } }
    }

    /// The program a module belongs to.
    public func programID(ofModule moduleID: UUID) async throws -> UUID? {
        struct Row: Decodable { let program_id: UUID }
        return try await db.read { sql in
            try sql.first("SELECT program_id FROM program_modules WHERE id = \(bind: moduleID)", decoding: Row.self)?.program_id
        }
    }

    public func moduleNumbers(programID: UUID, except moduleID: UUID?) async throws -> Set<Int> {
        try await db.read { sql in
            Set(try ProgramPartsSQL.modules(programID: programID, on: sql).filter { $0.id != moduleID }.map(\.number))
        }
    }

    /// Creates the module, or replaces the one with the same id.
    public func saveModule(_ module: ProgramModule) async throws {
        try await db.write { sql in
            try ProgramPartsSQL.save(module, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// Removes the module with its agenda.
    public func removeModule(programID: UUID, moduleID: UUID) async throws {
        try await deleteAndBump("DELETE FROM program_modules WHERE program_id = \(bind: programID) AND id = \(bind: moduleID) RETURNING id",
                                first: { sql in try AgendaSQL.deleteSessions(ofModulesWhere: "program_id = \(bind: programID) AND id = \(bind: moduleID)", on: sql) })
    }

    public func countries(programID: UUID) async throws -> [ProgramCountry] {
        try await db.read { sql in try ProgramPartsSQL.countries(programID: programID, on: sql) }
    }

    public func addCountry(_ country: ProgramCountry) async throws {
        try await db.write { sql in
            try ProgramPartsSQL.insert(country, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    public func removeCountry(programID: UUID, country: Country) async throws {
        try await deleteAndBump("DELETE FROM program_countries WHERE program_id = \(bind: programID) AND country = \(bind: country.code) RETURNING id")
    }

    /// Runs a `DELETE … RETURNING id` and bumps the content version, or answers not found when it
    /// removed nothing; `first` removes what depends on the row beforehand.
    private func deleteAndBump(_ statement: SQLQueryString, first: @escaping @Sendable (any SyncSQL) throws -> Void = { _ in }) async throws {
        try await db.write { sql in
            try first(sql)
            guard !(try sql.rows(statement)).isEmpty else { throw DomainError.notFound("item") }
            try ContentVersionStore.bump(on: sql)
        }
    }
}
