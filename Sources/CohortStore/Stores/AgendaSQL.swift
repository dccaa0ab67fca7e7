import CohortCore
import Foundation
import SQLKit

/// The `agenda_sessions` and `session_speakers` rows, read and written here only.
enum AgendaSQL {
    static let columns = "s.id, s.module_id, s.start_at, s.end_at, s.title, s.description, s.kind, s.room, s.topics, s.visibility, s.is_cancelled, s.sequence, s.updated_at"

    struct Row: Decodable {
        let id: UUID
        let module_id: UUID
        let start_at: Date
        let end_at: Date
        let title: String
        let description: String
        let kind: String
        let room: String
        let topics: String
        let visibility: String
        let is_cancelled: Bool
        let sequence: Int
        let updated_at: Date

        func entry(speakers: [UUID]) throws -> AgendaStore.Entry {
            func json<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws -> T {
                do { return try JSONText.decode(type, text) } catch { throw StoreError.corrupt(table: "agenda_sessions", column: column) }
            }
            let session = AgendaSession(
                id: id, moduleID: module_id, start: start_at, end: end_at, title: try json(LocalizedText.self, title, "title"),
                description: try json(LocalizedText.self, description, "description"),
                kind: try stored(kind, table: "agenda_sessions", column: "kind"), room: room, speakers: speakers,
                topics: try json([String].self, topics, "topics"),
                visibility: try stored(visibility, table: "agenda_sessions", column: "visibility"), isCancelled: is_cancelled)
            return AgendaStore.Entry(session: session, sequence: sequence, updatedAt: updated_at)
        }
    }

    /// The sessions `filter` (a WHERE on the session `s` and its module `m`) picks, in time order, with their speakers.
    static func entries(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [AgendaStore.Entry] {
        let rows = try sql.rows("""
            SELECT \(unsafeRaw: columns) FROM agenda_sessions s JOIN program_modules m ON m.id = s.module_id
            WHERE \(filter) ORDER BY s.start_at, s.end_at, s.id
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
        guard !rows.isEmpty else { return [] }
        struct Speaker: Decodable { let session_id: UUID; let person_id: UUID }
        var speakers: [UUID: [UUID]] = [:]
        for speaker in try sql.rows("""
            SELECT p.session_id, p.person_id FROM session_speakers p JOIN agenda_sessions s ON s.id = p.session_id
            JOIN program_modules m ON m.id = s.module_id WHERE \(filter) ORDER BY p.person_id
            """).map({ try $0.decode(model: Speaker.self, keyDecodingStrategy: .useDefaultKeys) }) {
            speakers[speaker.session_id, default: []].append(speaker.person_id)
        }
        return try rows.map { try $0.entry(speakers: speakers[$0.id] ?? []) }
    }

    /// Writes the session and its speakers; a changed session's sequence goes up by one.
    static func save(_ session: AgendaSession, now: Date, on sql: any SyncSQL) throws {
        let title = try JSONText.encode(session.title), description = try JSONText.encode(session.description)
        let topics = try JSONText.encode(session.topics)
        let updated = try sql.rows("""
            UPDATE agenda_sessions SET start_at = \(bind: session.start), end_at = \(bind: session.end), title = \(bind: title),
                   description = \(bind: description), kind = \(bind: session.kind.rawValue), room = \(bind: session.room),
                   topics = \(bind: topics), visibility = \(bind: session.visibility.rawValue), is_cancelled = \(bind: session.isCancelled),
                   sequence = sequence + 1, updated_at = \(bind: now)
            WHERE id = \(bind: session.id) AND module_id = \(bind: session.moduleID) RETURNING id
            """)
        if updated.isEmpty {
            try sql.run("""
                INSERT INTO agenda_sessions (id, module_id, start_at, end_at, title, description, kind, room, topics, visibility,
                                             is_cancelled, sequence, updated_at)
                VALUES (\(bind: session.id), \(bind: session.moduleID), \(bind: session.start), \(bind: session.end), \(bind: title),
                        \(bind: description), \(bind: session.kind.rawValue), \(bind: session.room), \(bind: topics),
                        \(bind: session.visibility.rawValue), \(bind: session.isCancelled), \(bind: 0), \(bind: now))
                """)
        }
        try sql.run("DELETE FROM session_speakers WHERE session_id = \(bind: session.id)")
        for person in Set(session.speakers) {
            try sql.run("INSERT INTO session_speakers (id, session_id, person_id) VALUES (\(bind: UUID()), \(bind: session.id), \(bind: person))")
        }
    }

    /// Removes the sessions (and their speakers) of the modules `filter` picks, before the
    /// modules go: the foreign keys would too, but an SQLite file made without their
    /// enforcement is left clean as well.
    static func deleteSessions(ofModulesWhere filter: SQLQueryString, on sql: any SyncSQL) throws {
        let modules: SQLQueryString = "SELECT id FROM program_modules WHERE \(filter)"
        try sql.run("DELETE FROM session_speakers WHERE session_id IN (SELECT id FROM agenda_sessions WHERE module_id IN (\(modules)))")
        try sql.run("DELETE FROM agenda_sessions WHERE module_id IN (\(modules))")
        try sql.run("DELETE FROM agenda_versions WHERE module_id IN (\(modules))")
    }

    // MARK: Versions

    struct VersionRow: Decodable {
        let module_id: UUID
        let number: Int
        let note: String
        let entries: String
        let published_at: Date
    }

    /// The versions `filter` (a WHERE on the version `v` and its module `m`) picks, each module's oldest first.
    static func versions(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [AgendaVersion] {
        try sql.rows("""
            SELECT v.module_id, v.number, v.note, v.entries, v.published_at FROM agenda_versions v
            JOIN program_modules m ON m.id = v.module_id WHERE \(filter) ORDER BY m.number, v.module_id, v.number
            """).map { row in
            let version = try row.decode(model: VersionRow.self, keyDecodingStrategy: .useDefaultKeys)
            let entries: [AgendaEntry]
            do { entries = try JSONText.decode([AgendaEntry].self, version.entries) } catch {
                throw StoreError.corrupt(table: "agenda_versions", column: "entries")
            }
            return AgendaVersion(moduleID: version.module_id, number: version.number, note: version.note,
                                 publishedAt: version.published_at, entries: entries)
        }
    }

    static func insert(_ version: AgendaVersion, by accountID: UUID?, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO agenda_versions (id, module_id, number, note, entries, published_at, published_by)
            VALUES (\(bind: UUID()), \(bind: version.moduleID), \(bind: version.number), \(bind: version.note),
                    \(bind: try JSONText.encode(version.entries)), \(bind: version.publishedAt), \(bind: accountID))
            """)
    }

    // MARK: People of the agenda

    /// Everyone of the program with an address, once each, told of a new agenda version.
    static func recipients(programID: UUID, on sql: any SyncSQL) throws -> [AgendaStore.Recipient] {
        struct Row: Decodable { let id: UUID; let full_name: String; let email: String; let language: String }
        return try sql.rows("""
            SELECT DISTINCT p.id, p.full_name, p.email, p.language FROM people p JOIN enrolments e ON e.person_id = p.id
            WHERE e.program_id = \(bind: programID) AND p.email IS NOT NULL AND p.email <> '' ORDER BY p.full_name, p.id
            """).map { row in
            let person = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            return AgendaStore.Recipient(personID: person.id, name: person.full_name, email: person.email,
                                         language: Language(rawValue: person.language) ?? .english)
        }
    }

    /// The names of the program's people, for the sessions that name them.
    static func names(programID: UUID, on sql: any SyncSQL) throws -> [UUID: String] {
        struct Row: Decodable { let id: UUID; let full_name: String }
        let rows = try sql.rows("""
            SELECT DISTINCT p.id, p.full_name FROM people p JOIN enrolments e ON e.person_id = p.id WHERE e.program_id = \(bind: programID)
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }
        return Dictionary(rows.map { ($0.id, $0.full_name) }, uniquingKeysWith: { first, _ in first })
    }

    static func speakers(programID: UUID, on sql: any SyncSQL) throws -> [(id: UUID, name: String, role: EnrolmentRole)] {
        struct Row: Decodable { let id: UUID; let full_name: String; let role: String }
        return try sql.rows("""
            SELECT p.id, p.full_name, e.role FROM people p JOIN enrolments e ON e.person_id = p.id
            WHERE e.program_id = \(bind: programID)
            AND e.role IN (\(binds: [EnrolmentRole.facilitator.rawValue, EnrolmentRole.resourcePerson.rawValue]))
            ORDER BY p.full_name, p.id
            """).map { row in
            let speaker = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            return (speaker.id, speaker.full_name, try stored(speaker.role, table: "enrolments", column: "role") as EnrolmentRole)
        }
    }
}
