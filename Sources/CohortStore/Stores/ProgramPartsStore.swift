import CohortCore
import FluentKit
import Foundation

/// Partners, modules and countries of one program.
public struct ProgramPartsStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public func addPartner(programID: UUID, organisationID: UUID, role: PartnerRole, description: String) async throws {
        try await db.modelTransaction { tx in
            guard try await OrganisationRecord.find(organisationID, on: tx) != nil else {
                throw ValidationFailure([FieldError("organisationID", "Choose an organisation from the list.")])
            }
            let existing = try await PartnershipRecord.query(on: tx).filter(\.$programID == programID)
                .filter(\.$organisationID == organisationID).filter(\.$role == role.rawValue).count()
            if existing > 0 {
                throw ValidationFailure([FieldError("organisationID", "This organisation already has that role in the program.")])
            }
            try await PartnershipRecord(programID: programID, organisationID: organisationID, role: role,
                                        description: description).create(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func removePartner(programID: UUID, partnershipID: UUID) async throws {
        try await deleteAndBump { PartnershipRecord.query(on: $0).filter(\.$programID == programID).filter(\.$id == partnershipID) }
    }

    public func module(programID: UUID, moduleID: UUID) async throws -> ProgramModule? {
        try await ModuleRecord.query(on: db.fluent).filter(\.$programID == programID).filter(\.$id == moduleID).first()?.value()
    }

    public func moduleNumbers(programID: UUID, except moduleID: UUID?) async throws -> Set<Int> {
        let query = ModuleRecord.query(on: db.fluent).filter(\.$programID == programID)
        if let moduleID { query.filter(\.$id != moduleID) }
        return Set(try await query.all().map(\.number))
    }

    /// Creates the module, or replaces the one with the same id.
    public func saveModule(_ module: ProgramModule) async throws {
        try await db.modelTransaction { tx in
            if let record = try await ModuleRecord.query(on: tx).filter(\.$programID == module.programID)
                .filter(\.$id == module.id).first() {
                record.apply(module)
                try await record.update(on: tx)
            } else {
                try await ModuleRecord(module).create(on: tx)
            }
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func removeModule(programID: UUID, moduleID: UUID) async throws {
        try await deleteAndBump { ModuleRecord.query(on: $0).filter(\.$programID == programID).filter(\.$id == moduleID) }
    }

    public func countries(programID: UUID) async throws -> [ProgramCountry] {
        try await ProgramCountryRecord.query(on: db.fluent).filter(\.$programID == programID).all().map { try $0.value() }
    }

    public func addCountry(_ country: ProgramCountry) async throws {
        try await db.modelTransaction { tx in
            try await ProgramCountryRecord(country).create(on: tx)
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    public func removeCountry(programID: UUID, country: Country) async throws {
        try await deleteAndBump {
            ProgramCountryRecord.query(on: $0).filter(\.$programID == programID).filter(\.$country == country.code)
        }
    }

    /// Deletes what the query matches and bumps the content version, or answers not found.
    private func deleteAndBump<M: Model>(_ query: @escaping @Sendable (any Database) -> QueryBuilder<M>) async throws {
        try await db.modelTransaction { tx in
            guard try await query(tx).count() > 0 else { throw DomainError.notFound("item") }
            try await query(tx).delete()
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }
}
