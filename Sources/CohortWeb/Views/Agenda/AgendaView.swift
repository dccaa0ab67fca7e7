import CohortCore
import CohortStore
import Foundation

/// Who an agenda is drawn for: each sees the sessions meant for them, never more.
enum AgendaAudience: Sendable, Equatable {
    case everyone, participants, staff
    /// A signed-in participant, facilitator or resource person (the program's `people` rows
    /// they are): what participants see, and every session they speak in, whatever its visibility.
    case person(Set<UUID>)

    func sees(_ session: AgendaSession) -> Bool {
        switch self {
        case .everyone: session.visibility == .everyone
        case .participants: session.visibility != .staff
        case .staff: true
        case .person(let people): session.visibility != .staff || !people.isDisjoint(with: session.speakers)
        }
    }

    /// Whether the audience is someone who speaks in the session.
    func speaks(in session: AgendaSession) -> Bool {
        if case .person(let people) = self { return !people.isDisjoint(with: session.speakers) }
        return false
    }
}

/// A program's published agenda, module by module and day by day, in the venue's time.
struct AgendaView: Sendable {
    struct Session: Sendable {
        let anchor: String
        let time: String
        let title: String
        /// "Session 7": the co-design statement names sessions by these numbers.
        let number: String?
        let paragraphs: [String]
        let kind: String
        let room: String?
        let speakers: String?
        let topics: String?
        let isCancelled: Bool
        /// The reader speaks in it.
        let isYours: Bool
        /// Said only where more than the public sessions are shown.
        let visibility: String?
        let materials: [Material]
    }

    struct Material: Sendable {
        let title: String
        let href: String
        /// "PDF, 240 KB" or "link to www.ohchr.org".
        let detail: String
    }

    struct Day: Sendable {
        let anchor: String
        let heading: String
        let sessions: [Session]
    }

    struct Module: Sendable {
        let anchor: String
        let heading: String
        let period: String
        let venue: String
        let zoneText: String
        let versionText: String
        let note: String
        let days: [Day]
    }

    let title: String
    let programHref: String
    let feedHref: String
    let modules: [Module]
    let isSample: Bool
    /// How participants shaped the agenda, from the needs assessment (`CoDesign.statement`).
    var coDesign: String?

    /// For the program's facilitators and resource persons: what participants said they need most.
    struct NeedLine: Sendable {
        let rank: Int
        let topic: String
        let need: String
        let sessions: String
        let isGap: Bool
    }

    var needs: [NeedLine] = [] { didSet { hasNeeds = !needs.isEmpty } }
    /// Stored, not computed: templates read stored properties only.
    private(set) var hasNeeds = false

    /// Stored, not computed: templates read a view's stored properties only.
    let isEmpty: Bool

    init(program: Program, modules: [ProgramModule], published: AgendaStore.Published, audience: AgendaAudience, language: Language,
         feedHref: String) {
        title = program.title
        programHref = SiteURL.program(slug: program.slug).path
        self.feedHref = feedHref
        isSample = program.isSample
        // Numbered over every published session, so a number is the same whoever reads the agenda.
        let numbers = SessionNumbers.make(published.versions.values.flatMap { $0.entries.map(\.session) })
        self.modules = modules.compactMap { module in
            guard let version = published.versions[module.id] else { return nil }
            let sessions = version.entries.map(\.session).filter(audience.sees)
            guard !sessions.isEmpty else { return nil }
            return Self.module(module, version: version, sessions: sessions, names: published.names, materials: published.materials,
                               audience: audience, language: language, numbers: numbers)
        }
        isEmpty = self.modules.isEmpty
    }

    private static func module(_ module: ProgramModule, version: AgendaVersion, sessions: [AgendaSession], names: [UUID: String],
                               materials: [UUID: [SessionMaterial]], audience: AgendaAudience, language: Language,
                               numbers: [UUID: Int]) -> Module {
        let zone = module.zone
        var days: [(VenueTime, [Session])] = []
        var offsets = Set<String>()
        for session in sessions {
            let start = VenueTime(session.start, in: zone), end = VenueTime(session.end, in: zone)
            offsets.insert(start.offsetText)
            let speakerNames = session.speakers.compactMap { names[$0] }.sorted()
            let item = Session(
                anchor: "session-\(session.id.uuidString.lowercased())",
                time: "\(start.clock)–\(end.clock)\(end.date == start.date ? "" : " (\(end.dayText))")",
                title: session.title.text(in: language),
                number: numbers[session.id].map { "Session \($0)" },
                paragraphs: session.description.text(in: language).components(separatedBy: "\n\n")
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
                kind: session.kind.label, room: session.room.isEmpty ? nil : session.room,
                speakers: speakerNames.isEmpty ? nil : speakerNames.joined(separator: ", "),
                topics: session.topics.isEmpty ? nil : session.topics.joined(separator: ", "),
                isCancelled: session.isCancelled, isYours: audience.speaks(in: session),
                visibility: audience == .everyone ? nil : session.visibility.audienceLabel,
                materials: (materials[session.id] ?? []).map {
                    Material(title: $0.title, href: MaterialsSection.href($0), detail: MaterialsSection.detail($0, capitalised: false))
                })
            if let last = days.last, last.0.date == start.date {
                days[days.count - 1].1.append(item)
            } else {
                days.append((start, [item]))
            }
        }
        return Module(
            anchor: "module-\(module.number)", heading: "Module \(module.number): \(module.title)", period: module.periodText,
            venue: module.venueText,
            zoneText: "Times are the venue's: \(module.timeZone) (\(offsets.sorted().joined(separator: ", ")))",
            versionText: "Version \(version.number), published \(DateRangeText.day(VenueTime(version.publishedAt, in: zone).date))",
            note: version.note,
            days: days.map { Day(anchor: "day-\(module.number)-\($0.0.date.iso)", heading: $0.0.dayText, sessions: $0.1) })
    }
}

extension SessionVisibility {
    var audienceLabel: String {
        switch self {
        case .everyone: "Public"
        case .participants: "Participants only"
        case .staff: "Staff only"
        }
    }
}
