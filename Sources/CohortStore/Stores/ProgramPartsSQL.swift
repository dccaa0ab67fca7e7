import CohortCore
import Foundation
import SQLKit

/// The `partnerships`, `program_modules` and `program_countries` rows, read and written here only.
enum ProgramPartsSQL {
    // MARK: Partnerships

    /// The program's partnerships with their organisations.
    static func partnerships(programID: UUID, on sql: any SyncSQL) throws -> [Partnership] {
        struct Row: Decodable { let partnership_id: UUID; let role: String; let partnership_description: String }
        return try sql.rows("""
            SELECT p.id AS partnership_id, p.role, p.description AS partnership_description, \(unsafeRaw: OrganisationSQL.qualifiedColumns)
            FROM partnerships p JOIN organisations o ON o.id = p.organisation_id WHERE p.program_id = \(bind: programID)
            """).map { row in
            let partnership = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            let organisation = try row.decode(model: OrganisationSQL.Row.self, keyDecodingStrategy: .useDefaultKeys).organisation
            return Partnership(id: partnership.partnership_id, programID: programID, organisation: organisation,
                               role: try stored(partnership.role, table: "partnerships", column: "role"),
                               description: partnership.partnership_description)
        }
    }

    static func hasPartnership(programID: UUID, organisationID: UUID, role: PartnerRole, on sql: any SyncSQL) throws -> Bool {
        struct Found: Decodable { let id: UUID }
        return try sql.first("""
            SELECT id FROM partnerships WHERE program_id = \(bind: programID) AND organisation_id = \(bind: organisationID) \
            AND role = \(bind: role.rawValue)
            """, decoding: Found.self) != nil
    }

    static func insertPartnership(programID: UUID, organisationID: UUID, role: PartnerRole, description: String, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO partnerships (id, program_id, organisation_id, role, description)
            VALUES (\(bind: UUID()), \(bind: programID), \(bind: organisationID), \(bind: role.rawValue), \(bind: description))
            """)
    }

    /// The titles of the programs an organisation takes part in, sorted.
    static func programTitles(organisationID: UUID, on sql: any SyncSQL) throws -> [String] {
        struct Row: Decodable { let title: String }
        return try sql.rows("""
            SELECT DISTINCT g.title FROM partnerships p JOIN programs g ON g.id = p.program_id
            WHERE p.organisation_id = \(bind: organisationID)
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).title }.sorted()
    }

    // MARK: Modules

    static let moduleColumns = "id, program_id, number, title, start_date, end_date, city, country, format, is_illustrative, time_zone"

    struct ModuleRow: Decodable {
        let id: UUID
        let program_id: UUID
        let number: Int
        let title: String
        let start_date: String
        let end_date: String
        let city: String
        let country: String?
        let format: String
        let is_illustrative: Bool
        let time_zone: String

        var module: ProgramModule {
            get throws {
                guard TimeZone(identifier: time_zone) != nil else { throw StoreError.corrupt(table: "program_modules", column: "time_zone") }
                return ProgramModule(id: id, programID: program_id, number: number, title: title,
                              startDate: try StoredValue.date(start_date, table: "program_modules", column: "start_date"),
                              endDate: try StoredValue.date(end_date, table: "program_modules", column: "end_date"), city: city,
                              country: try StoredValue.country(country, table: "program_modules", column: "country"),
                              format: try stored(format, table: "program_modules", column: "format"), isIllustrative: is_illustrative,
                              timeZone: time_zone)
            }
        }
    }

    /// The program's modules by number.
    static func modules(programID: UUID, on sql: any SyncSQL) throws -> [ProgramModule] {
        try sql.rows("SELECT \(unsafeRaw: moduleColumns) FROM program_modules WHERE program_id = \(bind: programID) ORDER BY number, id")
            .map { try $0.decode(model: ModuleRow.self, keyDecodingStrategy: .useDefaultKeys).module }
    }

    /// Creates the module, or replaces the program's module with the same id.
    static func save(_ module: ProgramModule, on sql: any SyncSQL) throws {
        let updated = try sql.rows("""
            UPDATE program_modules SET number = \(bind: module.number), title = \(bind: module.title),
                   start_date = \(bind: module.startDate.iso), end_date = \(bind: module.endDate.iso), city = \(bind: module.city),
                   country = \(bind: module.country?.code), format = \(bind: module.format.rawValue),
                   is_illustrative = \(bind: module.isIllustrative), time_zone = \(bind: module.timeZone)
            WHERE id = \(bind: module.id) AND program_id = \(bind: module.programID) RETURNING id
            """)
        guard updated.isEmpty else { return }
        try sql.run("""
            INSERT INTO program_modules (id, program_id, number, title, start_date, end_date, city, country, format, is_illustrative,
                                         time_zone)
            VALUES (\(bind: module.id), \(bind: module.programID), \(bind: module.number), \(bind: module.title), \(bind: module.startDate.iso),
                    \(bind: module.endDate.iso), \(bind: module.city), \(bind: module.country?.code), \(bind: module.format.rawValue),
                    \(bind: module.isIllustrative), \(bind: module.timeZone))
            """)
    }

    // MARK: Countries

    /// As stored (no order is asked for: pages group them by their role).
    static func countries(programID: UUID, on sql: any SyncSQL) throws -> [ProgramCountry] {
        struct Row: Decodable { let country: String; let role: String; let display_name: String? }
        return try sql.rows("SELECT country, role, display_name FROM program_countries WHERE program_id = \(bind: programID)")
            .map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }.map {
                ProgramCountry(programID: programID, country: try StoredValue.country($0.country, table: "program_countries", column: "country"),
                               role: try stored($0.role, table: "program_countries", column: "role"), displayName: $0.display_name)
            }
    }

    static func insert(_ country: ProgramCountry, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO program_countries (id, program_id, country, role, display_name)
            VALUES (\(bind: UUID()), \(bind: country.programID), \(bind: country.country.code), \(bind: country.role.rawValue),
                    \(bind: country.displayName))
            """)
    }
}
