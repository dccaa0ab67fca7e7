import CohortCore
import Foundation
import SQLKit

/// Attendance: who was present at each session, taken by a facilitator or the staff from the
/// list of expected participants, or by participants themselves with the session's code; and
/// what it adds up to per participant, session and module, against the module's completion rule.
public struct AttendanceStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Who marked someone present.
    public enum Marker: String, Sendable {
        case facilitator, staff, `self`
    }

    /// A participant expected at a session: every participant of the program.
    public struct Expected: Hashable, Sendable {
        public let personID: UUID
        public let name: String
        public let country: Country?
    }

    /// A session's check-in list: the session, its program, the participants expected and those present.
    public struct Sheet: Sendable {
        public let session: AgendaSession
        public let programID: UUID
        public let module: ModuleFrame
        public let expected: [Expected]
        public let present: Set<UUID>
        public let checkInCode: String?
    }

    public typealias ModuleFrame = AgendaStore.ModuleFrame

    public func sheet(sessionID: UUID) async throws -> Sheet? {
        try await db.read { sql in try Self.sheet(sessionID: sessionID, on: sql) }
    }

    static func sheet(sessionID: UUID, on sql: any SyncSQL) throws -> Sheet? {
        guard let entry = try AgendaSQL.entries(where: "s.id = \(bind: sessionID)", on: sql).first,
              let frame = try AgendaStore.frame(moduleID: entry.session.moduleID, on: sql) else { return nil }
        struct Code: Decodable { let check_in_code: String? }
        let code = try sql.first("SELECT check_in_code FROM agenda_sessions WHERE id = \(bind: sessionID)", decoding: Code.self)?.check_in_code
        struct Present: Decodable { let person_id: UUID }
        let present = try sql.rows("SELECT person_id FROM attendance WHERE session_id = \(bind: sessionID)")
            .map { try $0.decode(model: Present.self, keyDecodingStrategy: .useDefaultKeys).person_id }
        return Sheet(session: entry.session, programID: frame.programID, module: frame,
                     expected: try participants(programID: frame.programID, on: sql), present: Set(present), checkInCode: code)
    }

    static func participants(programID: UUID, on sql: any SyncSQL) throws -> [Expected] {
        struct Row: Decodable { let id: UUID; let full_name: String; let country: String }
        return try sql.rows("""
            SELECT DISTINCT p.id, p.full_name, p.country FROM people p JOIN enrolments e ON e.person_id = p.id \
            WHERE e.program_id = \(bind: programID) AND e.role = \(bind: EnrolmentRole.participant.rawValue) ORDER BY p.full_name, p.id
            """).map { raw in
            let row = try raw.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            return Expected(personID: row.id, name: row.full_name, country: Country(code: row.country))
        }
    }

    /// Saves what a facilitator changed on the list, in one transaction: `adding` are marked
    /// present (those already present keep how and when they were marked, a self check-in
    /// stays one), `removing` absent; nobody else is touched. Someone who is not a participant
    /// of the program is refused.
    public func save(sessionID: UUID, adding: Set<UUID>, removing: Set<UUID>, by marker: Marker, now: Date) async throws {
        try await db.write { sql in
            guard let sheet = try Self.sheet(sessionID: sessionID, on: sql) else { throw DomainError.notFound("session") }
            guard adding.union(removing).isSubset(of: Set(sheet.expected.map(\.personID))) else { throw FieldRefusal(.notAParticipant) }
            let absent = removing.subtracting(adding).intersection(sheet.present)
            if !absent.isEmpty {
                try sql.run("DELETE FROM attendance WHERE session_id = \(bind: sessionID) AND person_id IN (\(binds: Array(absent)))")
            }
            for person in adding.subtracting(sheet.present).sorted(by: { $0.uuidString < $1.uuidString }) {
                try Self.insert(sessionID: sessionID, personID: person, by: marker, now: now, on: sql)
            }
        }
    }

    /// Marks several people present in one statement (the demo's attendance, a module's worth at a time).
    static func insert(sessionID: UUID, people: [UUID], by marker: Marker, now: Date, on sql: any SyncSQL) throws {
        guard !people.isEmpty else { return }
        let rows: [SQLQueryString] = people.map { "(\(bind: UUID()), \(bind: sessionID), \(bind: $0), \(bind: marker.rawValue), \(bind: now))" }
        try sql.run("INSERT INTO attendance (id, session_id, person_id, marked_by, marked_at) VALUES " + rows.joined(separator: ", "))
    }

    static func insert(sessionID: UUID, personID: UUID, by marker: Marker, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO attendance (id, session_id, person_id, marked_by, marked_at) \
            VALUES (\(bind: UUID()), \(bind: sessionID), \(bind: personID), \(bind: marker.rawValue), \(bind: now))
            """)
    }

    /// The session's self check-in code, made on first asking.
    public func checkInCode(sessionID: UUID, make: @escaping @Sendable () -> String) async throws -> String {
        try await db.write { sql in
            struct Code: Decodable { let check_in_code: String? }
            guard let row = try sql.first("SELECT check_in_code FROM agenda_sessions WHERE id = \(bind: sessionID)", decoding: Code.self) else {
                throw DomainError.notFound("session")
            }
            if let code = row.check_in_code { return code }
            let code = make()
            try sql.run("UPDATE agenda_sessions SET check_in_code = \(bind: code) WHERE id = \(bind: sessionID)")
            return code
        }
    }

    public enum CheckInOutcome: Sendable, Equatable {
        /// Present at this session (already, or now).
        case checkedIn(sessionID: UUID)
        /// No session of theirs that runs now shows this code.
        case wrongCode
        /// Too many wrong codes in the last hour.
        case tooManyTries
    }

    /// Checks `people` (the rows of one signed-in person) in to the running session that shows
    /// `code` and is one of their programs'. Wrong codes are counted per person (`triesKey`), so
    /// codes cannot be guessed.
    public func checkIn(code: String, people: Set<UUID>, triesKey: String, now: Date) async throws -> CheckInOutcome {
        let since = now.addingTimeInterval(-3600)
        struct Count: Decodable { let n: Int }
        let tries = try await db.read { sql in
            try sql.first("""
                SELECT COUNT(*) AS n FROM start_attempts WHERE address_key = \(bind: triesKey) AND attempted_at > \(bind: since)
                """, decoding: Count.self)?.n ?? 0
        }
        guard tries < CheckIn.triesPerHour else { return .tooManyTries }
        return try await db.write { sql in
            let candidates = try AgendaSQL.entries(where: "s.check_in_code = \(bind: code)", on: sql).map(\.session)
                .filter { CheckIn.isOpen($0, at: now) && $0.visibility != .staff }
            for session in candidates {
                guard let frame = try AgendaStore.frame(moduleID: session.moduleID, on: sql) else { continue }
                let expected = Set(try Self.participants(programID: frame.programID, on: sql).map(\.personID))
                guard let person = people.intersection(expected).sorted(by: { $0.uuidString < $1.uuidString }).first else { continue }
                struct Row: Decodable { let n: Int }
                let already = try sql.first("""
                    SELECT COUNT(*) AS n FROM attendance WHERE session_id = \(bind: session.id) AND person_id = \(bind: person)
                    """, decoding: Row.self)?.n ?? 0
                if already == 0 { try Self.insert(sessionID: session.id, personID: person, by: .self, now: now, on: sql) }
                return .checkedIn(sessionID: session.id)
            }
            try StartAttemptSQL.record(ApplicationStore.Starter(addressKey: triesKey, clientKey: triesKey), now: now, on: sql)
            return .wrongCode
        }
    }
}
