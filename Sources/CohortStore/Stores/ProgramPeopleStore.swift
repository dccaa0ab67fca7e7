import CohortCore
import Foundation
import SQLKit

/// The people of a program, as staff keep them: confirmed applicants (enrolled when they
/// confirm) and those added by hand, each with their role.
public struct ProgramPeopleStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// One person's role in the program, with what the list shows of them.
    public struct Member: Sendable {
        public let enrolmentID: UUID
        public let personID: UUID
        public let fullName: String
        public let role: EnrolmentRole
        public let email: String?
        /// Nil when it was not given.
        public let country: Country?
        public let sector: String
        public let position: String
        /// The organisation's name, from Cohort's list or as written.
        public let organisation: String
        public let sessionCount: Int
        public let isSample: Bool
    }

    public func members(programID: UUID) async throws -> [Member] {
        try await db.read { sql in try Self.members(where: "e.program_id = \(bind: programID)", on: sql) }
    }

    static func members(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [Member] {
        struct Row: Decodable {
            let enrolment_id: UUID; let person_id: UUID; let full_name: String; let role: String; let email: String?
            let country: String; let sector: String; let position: String; let organisation: String?; let sessions: Int
            let is_sample: Bool
        }
        return try sql.rows("""
            SELECT e.id AS enrolment_id, p.id AS person_id, p.full_name, e.role, p.email, p.country, p.sector, p.position, \
            COALESCE(o.name, p.organisation_name) AS organisation, \
            (SELECT COUNT(*) FROM session_speakers s WHERE s.person_id = p.id) AS sessions, p.is_sample \
            FROM enrolments e JOIN people p ON p.id = e.person_id LEFT JOIN organisations o ON o.id = p.organisation_id \
            WHERE \(filter) ORDER BY p.full_name, p.id, e.role
            """).map { raw in
            let row = try raw.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            return Member(enrolmentID: row.enrolment_id, personID: row.person_id, fullName: row.full_name,
                          role: try stored(row.role, table: "enrolments", column: "role"), email: row.email,
                          country: Country(code: row.country), sector: row.sector, position: row.position,
                          organisation: row.organisation ?? "", sessionCount: row.sessions, isSample: row.is_sample)
        }
    }

    /// Adds someone in a role. An address already in the program is the same person taking a
    /// further role (a facilitator who is also a resource person), not a second person; the
    /// same role twice is refused on the field that says so.
    @discardableResult
    public func add(_ person: PersonForm.Valid, programID: UUID, now: Date) async throws -> UUID {
        try await db.write { sql in
            struct Existing: Decodable { let id: UUID }
            var personID: UUID?
            if let email = person.email {
                personID = try sql.first("""
                    SELECT p.id FROM people p JOIN enrolments e ON e.person_id = p.id \
                    WHERE e.program_id = \(bind: programID) AND p.email = \(bind: email) ORDER BY p.created_at LIMIT 1
                    """, decoding: Existing.self)?.id
            }
            if let personID {
                struct Count: Decodable { let n: Int }
                let held = try sql.first("""
                    SELECT COUNT(*) AS n FROM enrolments WHERE program_id = \(bind: programID) AND person_id = \(bind: personID) \
                    AND role = \(bind: person.role.rawValue)
                    """, decoding: Count.self)?.n ?? 0
                if held > 0 {
                    throw FieldRefusal(.personRoleHeld)
                }
            }
            let id = personID ?? UUID()
            if personID == nil {
                try PeopleSQL.insert(id: id, fullName: person.fullName, country: person.country?.code ?? "", sector: person.sector.rawValue,
                                     position: person.position, isSample: false, organisationID: person.organisationID,
                                     email: person.email, language: person.language, organisationName: person.organisationName,
                                     bio: person.bio, now: now, on: sql)
            }
            try PeopleSQL.enrol(Enrolment(programID: programID, personID: id, role: person.role), on: sql)
            return id
        }
    }

    /// Takes a role away. Someone who still speaks in a session keeps it until they are taken
    /// off the session: the agenda would otherwise name nobody.
    public func remove(programID: UUID, enrolmentID: UUID) async throws {
        try await db.write { sql in
            struct Row: Decodable { let person_id: UUID; let role: String }
            guard let row = try sql.first("""
                SELECT person_id, role FROM enrolments WHERE id = \(bind: enrolmentID) AND program_id = \(bind: programID)
                """, decoding: Row.self) else { throw DomainError.notFound("person") }
            if row.role != EnrolmentRole.participant.rawValue && row.role != EnrolmentRole.observer.rawValue {
                struct Count: Decodable { let n: Int }
                let speaking = try sql.first("""
                    SELECT COUNT(*) AS n FROM session_speakers s JOIN agenda_sessions a ON a.id = s.session_id \
                    JOIN program_modules m ON m.id = a.module_id WHERE s.person_id = \(bind: row.person_id) \
                    AND m.program_id = \(bind: programID)
                    """, decoding: Count.self)?.n ?? 0
                if speaking > 0 { throw DomainError.conflict(.personSpeaks(sessions: speaking)) }
            }
            try sql.run("DELETE FROM enrolments WHERE id = \(bind: enrolmentID)")
        }
    }
}
