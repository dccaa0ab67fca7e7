import CohortCore
import CohortStore
import Foundation

/// A program's published agenda as an iCalendar feed: one event per session the audience may
/// see, cancelled ones kept as cancelled so that subscribed calendars drop them.
enum AgendaFeed {
    static func calendar(name: String, modules: [ProgramModule], published: AgendaStore.Published, audience: AgendaAudience,
                         language: Language, host: String) -> ICalendar {
        var events: [ICalendar.Event] = []
        for module in modules {
            guard let version = published.versions[module.id] else { continue }
            for entry in version.entries where audience.sees(entry.session) {
                let session = entry.session
                let speakers = session.speakers.compactMap { published.names[$0] }.sorted()
                var description = [session.kind.label + (speakers.isEmpty ? "" : " with " + speakers.joined(separator: ", "))]
                let text = session.description.text(in: language)
                if !text.isEmpty { description.append(text) }
                if !session.topics.isEmpty { description.append("Topics: " + session.topics.joined(separator: ", ")) }
                let location = [session.room, module.venueText].filter { !$0.isEmpty }.joined(separator: ", ")
                events.append(ICalendar.Event(
                    uid: uid(session.id, host: host), sequence: entry.sequence, start: session.start, end: session.end,
                    lastModified: entry.updatedAt, summary: "Module \(module.number): \(session.title.text(in: language))",
                    description: description.joined(separator: "\n\n"), location: location, isCancelled: session.isCancelled))
            }
        }
        return ICalendar(name: name, events: events)
    }

    /// The session's id at this Cohort's host: the same for the session whatever changes, and in every feed it appears in.
    static func uid(_ sessionID: UUID, host: String) -> String {
        "session-\(sessionID.uuidString.lowercased())@\(host)"
    }
}
