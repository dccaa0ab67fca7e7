import CohortCore
import Foundation
import SQLKit

extension DemoLoader {
    /// The agendas: the 2006 workshop and the five 2017/18 modules as held (published, with
    /// attendance and certificates), and the next edition's Module 1 being drafted.
    static func loadAgendas(programIDs: [String: UUID], modules: [String: [ProgramModule]], now: Date, on sql: any SyncSQL) throws {
        if let programID = programIDs[DemoCatalog.program2006.slug], let module = modules[DemoCatalog.program2006.slug]?.first {
            let people = try loadSpeakers(DemoCatalog.speakers2006, programID: programID, now: now, on: sql)
            try loadAgenda(DemoCatalog.sessions2006, people: people, module: module, now: now, on: sql)
            try loadAttendance(module: module, participants: try participants(programID: programID, on: sql), now: now, on: sql) {
                DemoCatalog.attended(participant: $0, session: $1, of: $2)
            }
        }
        if let programID = programIDs[DemoCatalog.program2017.slug] {
            let people = try loadSpeakers(DemoCatalog.speakers2017, programID: programID, now: now, on: sql)
            let participants = try participants(programID: programID, on: sql)
            for module in modules[DemoCatalog.program2017.slug] ?? [] {
                try loadAgenda(DemoCatalog.sessions2017[module.number] ?? [], people: people, module: module, now: now, on: sql)
                try loadAttendance(module: module, participants: participants, now: now, on: sql) {
                    DemoCatalog.attended2017(module: module.number, participant: $0, session: $1, of: $2)
                }
            }
        }
        if let programID = programIDs[DemoCatalog.nextEditionSlug], let module = modules[DemoCatalog.nextEditionSlug]?.first {
            let people = try loadSpeakers(DemoCatalog.speakersNext, programID: programID, now: now, on: sql)
            try loadAgenda(DemoCatalog.draftSessionsNext, people: people, module: module, publish: false, now: now, on: sql)
        }
    }

    /// The program's participants, by address: the demo's addresses number them in order.
    private static func participants(programID: UUID, on sql: any SyncSQL) throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        return try sql.rows("""
            SELECT p.id FROM people p JOIN enrolments e ON e.person_id = p.id \
            WHERE e.program_id = \(bind: programID) AND e.role = \(bind: EnrolmentRole.participant.rawValue) ORDER BY p.email
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).id }
    }

    /// A program's facilitators and resource persons (sample people), by their keys.
    private static func loadSpeakers(_ speakers: [DemoCatalog.SpeakerEntry], programID: UUID, now: Date,
                                     on sql: any SyncSQL) throws -> [String: UUID] {
        var people: [String: UUID] = [:]
        for speaker in speakers {
            let id = UUID()
            try PeopleSQL.insert(id: id, fullName: speaker.name, country: speaker.country, sector: OrganisationKind.ngo.rawValue,
                                 position: speaker.role.label, isSample: true,
                                 email: speaker.role == .facilitator ? DemoCatalog.facilitatorEmail(key: speaker.key) : nil,
                                 organisationName: speaker.organisation, bio: speaker.bio, now: now, on: sql)
            try PeopleSQL.enrol(Enrolment(programID: programID, personID: id, role: speaker.role), on: sql)
            people[speaker.key] = id
        }
        return people
    }

    /// A module's sessions on the venue's clock and, unless it is still a draft, its first
    /// published version, so the public agenda and the feeds show it at once.
    private static func loadAgenda(_ sessions: [DemoCatalog.SessionEntry], people: [String: UUID], module: ProgramModule, publish: Bool = true,
                                   now: Date, on sql: any SyncSQL) throws {
        // Published, as a workshop's agenda is, the week before it began.
        let published = min(now, VenueTime.instant(module.startDate, hour: 12, minute: 0, in: module.zone).addingTimeInterval(-7 * 86_400))
        for entry in sessions {
            let session = entry.session(id: UUID(), in: module, people: people)
            try AgendaSQL.save(session, now: publish ? published : now, on: sql)
            for link in entry.links {
                guard let url = MaterialForm.webAddress(link.url) else { continue }
                _ = try SessionMaterialStore.insert(.link(title: link.title, url: url), sessionID: session.id, by: nil, now: published, on: sql)
            }
        }
        guard publish else { return }
        let entries = try AgendaSQL.entries(where: "s.module_id = \(bind: module.id)", on: sql)
        try AgendaSQL.insert(AgendaVersion(moduleID: module.id, number: 1, note: "The module's agenda, as held (sample data).",
                                           publishedAt: published, entries: entries), by: nil, on: sql)
    }

    /// For a module already held: its attendance as the facilitators took it, and certificates
    /// issued the day after to those who met the completion rule (80 % of the sessions).
    private static func loadAttendance(module: ProgramModule, participants: [UUID], now: Date, on sql: any SyncSQL,
                                       attends: (_ participant: Int, _ session: Int, _ count: Int) -> Bool) throws {
        let sessions = try AgendaSQL.entries(where: "s.module_id = \(bind: module.id)", on: sql).map(\.session)
        let attended = sessions.filter { AttendanceSummary.counts($0) && $0.visibility != .staff && $0.end <= now }
        for (index, session) in attended.enumerated() {
            let present = participants.enumerated().filter { attends($0.offset, index, attended.count) }.map(\.element)
            try AttendanceStore.insert(sessionID: session.id, people: present, by: .facilitator, now: session.end, on: sql)
        }
        if let last = attended.last, let attendance = try AttendanceStore.module(moduleID: module.id, now: now, on: sql) {
            _ = try CertificateStore.issue(moduleID: module.id, to: Set(attendance.completed.map(\.personID)), note: nil, by: nil,
                                           now: last.end.addingTimeInterval(86_400), code: { VerificationCode.make(using: .system) }, on: sql)
        }
    }
}
