import CohortCore
import CohortStore
import Foundation

extension API {
    /// `GET /api/v1/programs/{slug}/agenda`: each module with a published agenda, its venue's
    /// zone and its public sessions, times in ISO 8601 with the venue's offset.
    struct AgendaResponse: Encodable {
        struct Session: Encodable {
            let id: String
            let title: String
            let kind: String
            let start: String
            let end: String
            let room: String?
            let speakers: [String]
            let topics: [String]
            let status: String
        }

        struct Module: Encodable {
            let number: Int
            let title: String
            let timeZone: String
            let version: Int
            let publishedAt: Date
            let sessions: [Session]
        }

        let slug: String
        let title: String
        let modules: [Module]

        init(_ detail: ProgramDetail, _ published: AgendaStore.Published) {
            slug = detail.program.slug
            title = detail.program.title
            modules = detail.modules.compactMap { module in
                guard let version = published.versions[module.id] else { return nil }
                let zone = module.zone
                let sessions = version.entries.map(\.session).filter { $0.visibility == .everyone }.map { session in
                    Session(id: session.id.uuidString.lowercased(), title: session.title.text(in: .english), kind: session.kind.rawValue,
                            start: VenueTime(session.start, in: zone).iso8601, end: VenueTime(session.end, in: zone).iso8601,
                            room: session.room.isEmpty ? nil : session.room,
                            speakers: session.speakers.compactMap { published.names[$0] }.sorted(), topics: session.topics,
                            status: session.isCancelled ? "cancelled" : "confirmed")
                }
                guard !sessions.isEmpty else { return nil }
                return Module(number: module.number, title: module.title, timeZone: module.timeZone, version: version.number,
                              publishedAt: version.publishedAt, sessions: sessions)
            }
        }
    }
}
