import CohortCore
import Foundation
import SQLKit

/// What attendance adds up to for a module.
extension AttendanceStore {
    /// A module's attendance: the sessions held so far that people attend (not breaks, meals,
    /// cancelled or staff-only sessions, nor those still to come), its participants, who was
    /// at which, and the rule a certificate asks for.
    public struct ModuleAttendance: Sendable {
        public let moduleID: UUID
        public let rule: CompletionRule
        public let sessions: [AgendaSession]
        public let participants: [Expected]
        /// For each participant, the sessions they attended.
        public let attended: [UUID: Set<UUID>]

        public func summary(of personID: UUID) -> AttendanceSummary {
            AttendanceSummary(sessions: sessions, attended: attended[personID] ?? [])
        }

        public func presentCount(at sessionID: UUID) -> Int {
            attended.values.filter { $0.contains(sessionID) }.count
        }

        /// Participants who meet the rule.
        public var completed: [Expected] { participants.filter { rule.isMet(by: summary(of: $0.personID)) } }
    }

    public func module(moduleID: UUID, now: Date) async throws -> ModuleAttendance? {
        try await db.read { sql in try Self.module(moduleID: moduleID, now: now, on: sql) }
    }

    static func module(moduleID: UUID, now: Date, on sql: any SyncSQL) throws -> ModuleAttendance? {
        struct Module: Decodable { let program_id: UUID; let completion_measure: String; let completion_percent: Int }
        guard let module = try sql.first("""
            SELECT program_id, completion_measure, completion_percent FROM program_modules WHERE id = \(bind: moduleID)
            """, decoding: Module.self) else { return nil }
        let rule = CompletionRule(measure: try stored(module.completion_measure, table: "program_modules", column: "completion_measure"),
                                  minimumPercent: module.completion_percent)
        let (sessions, attended) = try held(where: "s.module_id = \(bind: moduleID)", now: now, on: sql)
        return ModuleAttendance(moduleID: moduleID, rule: rule, sessions: sessions,
                                participants: try participants(programID: module.program_id, on: sql), attended: attended)
    }

    /// The sessions held so far that people attend (not breaks, meals, cancelled or staff-only
    /// sessions, nor those still to come), of the modules `filter` names (over `agenda_sessions s`
    /// and `program_modules m`), and for each person the sessions they attended.
    static func held(where filter: SQLQueryString, now: Date, on sql: any SyncSQL) throws -> (sessions: [AgendaSession], attended: [UUID: Set<UUID>]) {
        let sessions = try AgendaSQL.entries(where: filter, on: sql).map(\.session)
            .filter { AttendanceSummary.counts($0) && $0.visibility != .staff && $0.start <= now }
        struct Row: Decodable { let session_id: UUID; let person_id: UUID }
        var attended: [UUID: Set<UUID>] = [:]
        for raw in try sql.rows("""
            SELECT a.session_id, a.person_id FROM attendance a JOIN agenda_sessions s ON s.id = a.session_id \
            JOIN program_modules m ON m.id = s.module_id WHERE \(filter)
            """) {
            let row = try raw.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            attended[row.person_id, default: []].insert(row.session_id)
        }
        return (sessions, attended)
    }

    public func setRule(moduleID: UUID, _ rule: CompletionRule) async throws {
        try await db.write { sql in
            try sql.run("""
                UPDATE program_modules SET completion_measure = \(bind: rule.measure.rawValue), \
                completion_percent = \(bind: rule.minimumPercent) WHERE id = \(bind: moduleID)
                """)
        }
    }
}
