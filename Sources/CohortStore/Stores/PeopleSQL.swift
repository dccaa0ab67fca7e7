import CohortCore
import Foundation
import SQLKit

/// The `people` and `enrolments` rows, read and written here only.
enum PeopleSQL {
    /// `country` and `sector` as the person gave them (an application's answers may hold a
    /// sector outside Cohort's list, and a country may be missing).
    /// `email` is where sign-in links and agenda messages go (kept lower-cased, so that one
    /// address is found however it is typed); nil for someone reached otherwise.
    static func insert(id: UUID, fullName: String, country: String, sector: String, position: String, isSample: Bool,
                       organisationID: UUID? = nil, email: String? = nil, language: Language = .english,
                       organisationName: String = "", bio: String = "", now: Date, on sql: any SyncSQL) throws {
        let address = email.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        try sql.run("""
            INSERT INTO people (id, full_name, country, organisation_id, sector, position, is_sample, created_at, email, language,
                                organisation_name, bio)
            VALUES (\(bind: id), \(bind: fullName), \(bind: country), \(bind: organisationID), \(bind: sector), \(bind: position),
                    \(bind: isSample), \(bind: now), \(bind: address), \(bind: language.rawValue), \(bind: organisationName), \(bind: bio))
            """)
    }

    static func enrol(_ enrolment: Enrolment, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO enrolments (id, program_id, person_id, role)
            VALUES (\(bind: UUID()), \(bind: enrolment.programID), \(bind: enrolment.personID), \(bind: enrolment.role.rawValue))
            """)
    }

    static func enrolled(programID: UUID, role: EnrolmentRole, on sql: any SyncSQL) throws -> Int {
        struct Count: Decodable { let n: Int }
        return try sql.first("""
            SELECT COUNT(*) AS n FROM enrolments WHERE program_id = \(bind: programID) AND role = \(bind: role.rawValue)
            """, decoding: Count.self)?.n ?? 0
    }
}
