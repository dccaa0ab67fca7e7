import CohortCore
import Foundation
import SQLKit

extension DemoLoader {
    /// A module's agenda as the demo has it: its facilitators and resource persons (sample
    /// people of the program), its sessions on the venue's clock, and its first published
    /// version, so the public agenda and the feeds show it at once; and, for a module already
    /// held, its attendance as the facilitators took it (`DemoCatalog.attended`).
    static func loadAgenda(_ sessions: [DemoCatalog.SessionEntry], speakers: [DemoCatalog.SpeakerEntry], module: ProgramModule,
                           participants: [UUID], now: Date, on sql: any SyncSQL) throws {
        var people: [String: UUID] = [:]
        for speaker in speakers {
            let id = UUID()
            try PeopleSQL.insert(id: id, fullName: speaker.name, country: speaker.country, sector: OrganisationKind.ngo.rawValue,
                                 position: speaker.role.label, isSample: true,
                                 email: speaker.role == .facilitator ? DemoCatalog.facilitatorEmail(key: speaker.key) : nil,
                                 organisationName: speaker.organisation, bio: speaker.bio, now: now, on: sql)
            try PeopleSQL.enrol(Enrolment(programID: module.programID, personID: id, role: speaker.role), on: sql)
            people[speaker.key] = id
        }
        // Published, as a workshop's agenda is, the week before it began.
        let published = min(now, VenueTime.instant(module.startDate, hour: 12, minute: 0, in: module.zone).addingTimeInterval(-7 * 86_400))
        for entry in sessions {
            try AgendaSQL.save(entry.session(id: UUID(), in: module, people: people), now: published, on: sql)
        }
        let entries = try AgendaSQL.entries(where: "s.module_id = \(bind: module.id)", on: sql)
        try AgendaSQL.insert(AgendaVersion(moduleID: module.id, number: 1, note: "The workshop's agenda, as held (sample data).",
                                           publishedAt: published, entries: entries), by: nil, on: sql)
        let attended = entries.map(\.session).filter { AttendanceSummary.counts($0) && $0.visibility != .staff && $0.end <= now }
        for (index, session) in attended.enumerated() {
            for (number, person) in participants.enumerated() where DemoCatalog.attended(participant: number, session: index, of: attended.count) {
                try AttendanceStore.insert(sessionID: session.id, personID: person, by: .facilitator, now: session.end, on: sql)
            }
        }
        // Issued the day after the workshop to those who met the completion rule (80 % of the sessions).
        if let last = attended.last, let attendance = try AttendanceStore.module(moduleID: module.id, now: now, on: sql) {
            _ = try CertificateStore.issue(moduleID: module.id, to: Set(attendance.completed.map(\.personID)), note: nil, by: nil,
                                           now: last.end.addingTimeInterval(86_400), code: { VerificationCode.make(using: .system) }, on: sql)
        }
    }
}
