import CohortCore
import Foundation
import SQLKit

/// A module's agenda: its sessions in the venue's time zone, saved with their clashes checked
/// against every session of the program.
public struct AgendaStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// A session as stored, with what calendar feeds need besides it.
    public struct Entry: Hashable, Sendable {
        public let session: AgendaSession
        /// Goes up with every change (iCalendar's SEQUENCE).
        public let sequence: Int
        public let updatedAt: Date
    }

    /// What the agenda of a module is checked against: its program, dates and venue's zone.
    public struct ModuleFrame: Hashable, Sendable {
        public let programID: UUID
        public let start: CalendarDate
        public let end: CalendarDate
        public let timeZone: TimeZone
    }

    /// The module's sessions in time order, cancelled ones included.
    public func entries(moduleID: UUID) async throws -> [Entry] {
        try await db.read { sql in try AgendaSQL.entries(where: "s.module_id = \(bind: moduleID)", on: sql) }
    }

    public func frame(moduleID: UUID) async throws -> ModuleFrame? {
        try await db.read { sql in try Self.frame(moduleID: moduleID, on: sql) }
    }

    /// Saves the session unless it clashes (a speaker in two sessions at once, a room used
    /// twice, a time outside the module), in which case nothing is saved and the clashes are
    /// returned, to be shown; `acceptingClashes` saves it anyway, as the person decided.
    /// Refused field by field when the session is not well formed, or names a speaker who is
    /// not one of the program's facilitators or resource persons.
    public func save(_ session: AgendaSession, acceptingClashes: Bool = false, now: Date) async throws -> [AgendaClash] {
        let problems = session.problems
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return try await db.write { sql in
            guard let frame = try Self.frame(moduleID: session.moduleID, on: sql) else { throw DomainError.notFound("module") }
            if !session.speakers.isEmpty {
                struct Row: Decodable { let person_id: UUID }
                let speakers = Set(try sql.rows("""
                    SELECT person_id FROM enrolments WHERE program_id = \(bind: frame.programID)
                    AND role IN (\(binds: [EnrolmentRole.facilitator.rawValue, EnrolmentRole.resourcePerson.rawValue]))
                    """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).person_id })
                guard Set(session.speakers).isSubset(of: speakers) else { throw FieldRefusal(.speakerNotInProgram) }
            }
            let others = try AgendaSQL.entries(where: "m.program_id = \(bind: frame.programID)", on: sql).map(\.session)
            let clashes = AgendaClashes.find(session, among: others, moduleStart: frame.start, moduleEnd: frame.end, timeZone: frame.timeZone)
            guard clashes.isEmpty || acceptingClashes else { return clashes }
            try AgendaSQL.save(session, now: now, on: sql)
            return clashes
        }
    }

    /// Cancels a session: it stays on the agenda and in the feeds as cancelled.
    public func cancel(sessionID: UUID, moduleID: UUID, now: Date) async throws {
        try await db.write { sql in
            let updated = try sql.rows("""
                UPDATE agenda_sessions SET is_cancelled = \(bind: true), sequence = sequence + 1, updated_at = \(bind: now)
                WHERE id = \(bind: sessionID) AND module_id = \(bind: moduleID) AND is_cancelled = \(bind: false) RETURNING id
                """)
            guard !updated.isEmpty else { throw DomainError.notFound("session") }
        }
    }

    static func frame(moduleID: UUID, on sql: any SyncSQL) throws -> ModuleFrame? {
        struct Row: Decodable { let program_id: UUID; let start_date: String; let end_date: String; let time_zone: String }
        guard let row = try sql.first("""
            SELECT program_id, start_date, end_date, time_zone FROM program_modules WHERE id = \(bind: moduleID)
            """, decoding: Row.self) else { return nil }
        guard let zone = TimeZone(identifier: row.time_zone) else { throw StoreError.corrupt(table: "program_modules", column: "time_zone") }
        return ModuleFrame(programID: row.program_id, start: try StoredValue.date(row.start_date, table: "program_modules", column: "start_date"),
                           end: try StoredValue.date(row.end_date, table: "program_modules", column: "end_date"), timeZone: zone)
    }
}
