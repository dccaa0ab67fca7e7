import CohortCore
import Foundation
import SQLKit

/// A program's participants as staff list them, with what they attended across its modules,
/// and the record of every export of that list.
public struct ProgramParticipantsStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Every participant, in no particular order; the list sorts and cuts pages. Sessions count
    /// as for a module's summary: held so far, people attend them, not staff-only.
    public func participants(programID: UUID, now: Date) async throws -> [ParticipantRecord] {
        try await db.read { sql in
            struct Person: Decodable {
                let id: UUID; let full_name: String; let email: String?; let country: String; let sector: String; let organisation: String?
            }
            let people = try sql.rows("""
                SELECT DISTINCT p.id, p.full_name, p.email, p.country, p.sector, COALESCE(o.name, p.organisation_name) AS organisation \
                FROM enrolments e JOIN people p ON p.id = e.person_id LEFT JOIN organisations o ON o.id = p.organisation_id \
                WHERE e.program_id = \(bind: programID) AND e.role = \(bind: EnrolmentRole.participant.rawValue)
                """).map { try $0.decode(model: Person.self, keyDecodingStrategy: .useDefaultKeys) }
            let roles = Dictionary(try ProgramPartsSQL.countries(programID: programID, on: sql).map { ($0.country.code, $0.role) },
                                   uniquingKeysWith: { first, _ in first })
            let (sessions, attended) = try AttendanceStore.held(where: "m.program_id = \(bind: programID)", now: now, on: sql)
            struct Held: Decodable { let person_id: UUID; let n: Int }
            let certificates = Dictionary(try sql.rows("""
                SELECT c.person_id, COUNT(*) AS n FROM certificates c JOIN program_modules m ON m.id = c.module_id \
                WHERE m.program_id = \(bind: programID) AND c.revoked_at IS NULL GROUP BY c.person_id
                """).map { try $0.decode(model: Held.self, keyDecodingStrategy: .useDefaultKeys) }.map { ($0.person_id, $0.n) },
                uniquingKeysWith: { $0 + $1 })
            // Per person, the program's surveys that ask them, and which of those they answered.
            var asked: [UUID: Int] = [:], answered: [UUID: Int] = [:]
            for survey in try SurveySQL.all(where: "program_id = \(bind: programID)", on: sql) {
                let respondents = Set(try sql.rows("SELECT person_id FROM survey_respondents WHERE survey_id = \(bind: survey.id)")
                    .map { try $0.decode(column: "person_id", as: UUID.self) })
                for invitee in try SurveySQL.audience(survey, on: sql) {
                    asked[invitee.personID, default: 0] += 1
                    if respondents.contains(invitee.personID) { answered[invitee.personID, default: 0] += 1 }
                }
            }
            return people.map { person in
                let country = Country(code: person.country)
                return ParticipantRecord(personID: person.id, name: person.full_name, email: person.email, country: country,
                                         countryRole: country.flatMap { roles[$0.code] }, sector: person.sector,
                                         organisation: person.organisation ?? "",
                                         attendance: AttendanceSummary(sessions: sessions, attended: attended[person.id] ?? []),
                                         certificates: certificates[person.id] ?? 0,
                                         surveysAnswered: answered[person.id] ?? 0, surveysAsked: asked[person.id] ?? 0)
            }
        }
    }

    /// `list` names what was exported ("participants", "attendance-module-2"); `filter` is its query.
    public func recordExport(accountID: UUID, programID: UUID, list: String, filter: [(String, String)], withIdentities: Bool, rows: Int,
                             now: Date) async throws {
        let filterText = filter.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        try await db.write { sql in
            try sql.run("""
                INSERT INTO program_exports (id, account_id, program_id, list, filter, with_identities, row_count, created_at)
                VALUES (\(bind: UUID()), \(bind: accountID), \(bind: programID), \(bind: list), \(bind: filterText),
                        \(bind: withIdentities), \(bind: rows), \(bind: now))
                """)
        }
    }

    public struct Export: Sendable, Equatable {
        public let accountID: UUID
        public let list: String
        public let filter: String
        public let withIdentities: Bool
        public let rows: Int
        public let at: Date
    }

    /// Newest first.
    public func exports(programID: UUID) async throws -> [Export] {
        struct Row: Decodable { let account_id: UUID; let list: String; let filter: String; let with_identities: Bool; let row_count: Int; let created_at: Date }
        return try await db.read { sql in
            try sql.rows("""
                SELECT account_id, list, filter, with_identities, row_count, created_at FROM program_exports \
                WHERE program_id = \(bind: programID) ORDER BY created_at DESC
                """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
                .map { Export(accountID: $0.account_id, list: $0.list, filter: $0.filter, withIdentities: $0.with_identities, rows: $0.row_count, at: $0.created_at) }
        }
    }
}
