import CohortCore
import Foundation
import SQLKit

/// A module's agenda: its sessions in the venue's time zone, saved with their clashes checked
/// against every session of the program.
public struct AgendaStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// A session as stored, with what calendar feeds need besides it.
    public typealias Entry = AgendaEntry

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
    /// twice, a time outside the module) in a way it did not before, in which case nothing is
    /// saved and the new clashes are returned, to be shown: an empty answer means saved.
    /// `acceptingClashes` saves it anyway, as the person decided, and returns all its clashes.
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
            func clashes(of session: AgendaSession) -> [AgendaClash] {
                AgendaClashes.find(session, among: others, moduleStart: frame.start, moduleEnd: frame.end, timeZone: frame.timeZone)
            }
            let clashes = clashes(of: session)
            // A clash the session already had was accepted when it was saved: changing its
            // title does not ask again. A new one does.
            let accepted = Set(others.first { $0.id == session.id }.map(clashes(of:)) ?? [])
            let new = clashes.filter { !accepted.contains($0) }
            guard new.isEmpty || acceptingClashes else { return new }
            try AgendaSQL.save(session, now: now, on: sql)
            return acceptingClashes ? clashes : []
        }
    }

    /// Cancels a session: it stays on the agenda and in the feeds as cancelled.
    public func cancel(sessionID: UUID, moduleID: UUID, now: Date) async throws {
        try await db.write { sql in try Self.cancel(sessionID: sessionID, moduleID: moduleID, now: now, on: sql) }
    }

    public enum Removal: Sendable { case deleted, cancelled }

    /// Takes a session off the agenda: deleted when it was never published (nobody has seen it),
    /// cancelled otherwise, so that participants are told and calendars drop it.
    public func remove(sessionID: UUID, moduleID: UUID, now: Date) async throws -> Removal {
        try await db.write { sql in
            let published = try AgendaSQL.versions(where: "v.module_id = \(bind: moduleID)", on: sql)
                .contains { $0.entries.contains { $0.session.id == sessionID } }
            if published {
                try Self.cancel(sessionID: sessionID, moduleID: moduleID, now: now, on: sql)
                return .cancelled
            }
            try sql.run("DELETE FROM session_speakers WHERE session_id = \(bind: sessionID)")
            let deleted = try sql.rows("DELETE FROM agenda_sessions WHERE id = \(bind: sessionID) AND module_id = \(bind: moduleID) RETURNING id")
            guard !deleted.isEmpty else { throw DomainError.notFound("session") }
            return .deleted
        }
    }

    private static func cancel(sessionID: UUID, moduleID: UUID, now: Date, on sql: any SyncSQL) throws {
        let updated = try sql.rows("""
            UPDATE agenda_sessions SET is_cancelled = \(bind: true), sequence = sequence + 1, updated_at = \(bind: now)
            WHERE id = \(bind: sessionID) AND module_id = \(bind: moduleID) AND is_cancelled = \(bind: false) RETURNING id
            """)
        guard !updated.isEmpty else { throw DomainError.notFound("session") }
    }

    // MARK: Publishing

    /// Someone of the program told of a new version: a participant, facilitator or resource person with an address.
    public struct Recipient: Hashable, Sendable {
        public let personID: UUID
        public let name: String
        public let email: String
        public let language: Language
    }

    /// Publishes the module's sessions as they are now, as the next version with `note`, and
    /// queues for everyone of the program with an address the message `compose` writes for the
    /// changes they may see since the last version (none when they see no change). All in one
    /// transaction: a version is never published without its messages, nor messages sent for
    /// a version that was not. Refused when the note is missing or nothing changed.
    public func publish(moduleID: UUID, note: String, by accountID: UUID?, now: Date,
                        compose: @escaping @Sendable (Recipient, [AgendaChange], AgendaVersion) -> OutgoingMessage)
        async throws -> AgendaVersion {
        let problems = AgendaVersion.noteProblems(note)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return try await db.write { sql in
            guard let frame = try Self.frame(moduleID: moduleID, on: sql) else { throw DomainError.notFound("module") }
            let entries = try AgendaSQL.entries(where: "s.module_id = \(bind: moduleID)", on: sql)
            let previous = try AgendaSQL.versions(where: "v.module_id = \(bind: moduleID)", on: sql).last
            guard previous?.entries != entries else { throw DomainError.conflict(.agendaUnchanged) }
            let version = AgendaVersion(moduleID: moduleID, number: (previous?.number ?? 0) + 1,
                                        note: note.trimmingCharacters(in: .whitespacesAndNewlines), publishedAt: now, entries: entries)
            try AgendaSQL.insert(version, by: accountID, on: sql)
            let changes = AgendaVersion.changesForParticipants(from: previous?.entries ?? [], to: entries)
            if !changes.isEmpty {
                for recipient in try AgendaSQL.recipients(programID: frame.programID, on: sql) {
                    try OutboxStore.enqueue(compose(recipient, changes, version), now: now, on: sql)
                }
            }
            try ContentVersionStore.bump(on: sql)
            return version
        }
    }

    /// The module's published versions, oldest first.
    public func versions(moduleID: UUID) async throws -> [AgendaVersion] {
        try await db.read { sql in try AgendaSQL.versions(where: "v.module_id = \(bind: moduleID)", on: sql) }
    }

    /// What a program's agenda shows outside the editor: the latest version of each module that
    /// has one, the names of the people in their sessions, and the sessions' materials.
    public struct Published: Sendable {
        public let versions: [UUID: AgendaVersion]
        public let names: [UUID: String]
        /// By session; what a reader sees of them follows from whether they see the session.
        public var materials: [UUID: [SessionMaterial]] = [:]
    }

    public func published(programID: UUID) async throws -> Published {
        try await db.read { sql in
            var latest: [UUID: AgendaVersion] = [:]
            for version in try AgendaSQL.versions(where: "m.program_id = \(bind: programID)", on: sql) { latest[version.moduleID] = version }
            return Published(versions: latest, names: try AgendaSQL.names(programID: programID, on: sql),
                             materials: try SessionMaterialStore.materials(where: "m.program_id = \(bind: programID)", on: sql))
        }
    }

    /// The facilitators and resource persons who may be named in a session of the program, by name.
    public func speakers(programID: UUID) async throws -> [(id: UUID, name: String, role: EnrolmentRole)] {
        try await db.read { sql in try AgendaSQL.speakers(programID: programID, on: sql) }
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
