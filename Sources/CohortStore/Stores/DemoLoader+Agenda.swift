import CohortCore
import Foundation
import SQLKit

extension DemoLoader {
    /// A module's agenda as the demo has it: its facilitators and resource persons (sample
    /// people of the program), its sessions on the venue's clock, and its first published
    /// version, so the public agenda and the feeds show it at once.
    static func loadAgenda(_ sessions: [DemoCatalog.SessionEntry], speakers: [DemoCatalog.SpeakerEntry], module: ProgramModule,
                           now: Date, on sql: any SyncSQL) throws {
        var people: [String: UUID] = [:]
        for speaker in speakers {
            let id = UUID()
            try PeopleSQL.insert(id: id, fullName: speaker.name, country: speaker.country, sector: OrganisationKind.ngo.rawValue,
                                 position: speaker.role.label, isSample: true, now: now, on: sql)
            try sql.run("UPDATE people SET organisation_name = \(bind: speaker.organisation), bio = \(bind: speaker.bio) WHERE id = \(bind: id)")
            try PeopleSQL.enrol(Enrolment(programID: module.programID, personID: id, role: speaker.role), on: sql)
            people[speaker.key] = id
        }
        let zone = module.zone
        // Published, as a workshop's agenda is, the week before it began.
        let published = min(now, VenueTime.instant(module.startDate, hour: 12, minute: 0, in: zone).addingTimeInterval(-7 * 86_400))
        var day = module.startDate
        var days = [day]
        while days.count < 60, let next = day.next, next <= module.endDate {
            days.append(next)
            day = next
        }
        for entry in sessions where entry.day < days.count {
            func at(_ clock: String) -> Date {
                let parts = clock.split(separator: ":").compactMap { Int($0) }
                return VenueTime.instant(days[entry.day], hour: parts[0], minute: parts[1], in: zone)
            }
            let session = AgendaSession(id: UUID(), moduleID: module.id, start: at(entry.start), end: at(entry.end),
                                        title: LocalizedText(english: entry.title), kind: entry.kind, room: entry.room,
                                        speakers: entry.speakers.compactMap { people[$0] }, topics: entry.topics,
                                        visibility: entry.visibility)
            try AgendaSQL.save(session, now: published, on: sql)
        }
        let entries = try AgendaSQL.entries(where: "s.module_id = \(bind: module.id)", on: sql)
        try AgendaSQL.insert(AgendaVersion(moduleID: module.id, number: 1, note: "The workshop's agenda, as held (sample data).",
                                           publishedAt: published, entries: entries), by: nil, on: sql)
    }
}
