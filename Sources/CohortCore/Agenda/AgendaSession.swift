import Foundation

/// What a session of a module's agenda is.
public enum SessionKind: String, CaseIterable, Codable, Sendable {
    case plenary, workshop, panel
    case groupWork = "group-work"
    case fieldVisit = "field-visit"
    case breakTime = "break"
    case meal

    public var label: String {
        switch self {
        case .plenary: "Plenary"
        case .workshop: "Workshop"
        case .panel: "Panel"
        case .groupWork: "Group work"
        case .fieldVisit: "Field visit"
        case .breakTime: "Break"
        case .meal: "Meal"
        }
    }
}

/// Who may see a session: anyone (the public agenda and feed), the program's participants, or staff only.
public enum SessionVisibility: String, CaseIterable, Codable, Sendable {
    case everyone = "public"
    case participants, staff
}

/// One session of a module: its time in the venue, what it is, where, and with whom.
public struct AgendaSession: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var moduleID: UUID
    public var start: Date
    public var end: Date
    /// English is required; other languages fall back to it.
    public var title: LocalizedText
    public var description: LocalizedText
    public var kind: SessionKind
    public var room: String
    /// Facilitators and resource persons (people of the program).
    public var speakers: [UUID]
    public var topics: [String]
    public var visibility: SessionVisibility
    /// Kept on the agenda and in the feeds as cancelled, never deleted once published.
    public var isCancelled: Bool

    public init(id: UUID, moduleID: UUID, start: Date, end: Date, title: LocalizedText, description: LocalizedText = LocalizedText(),
                kind: SessionKind, room: String = "", speakers: [UUID] = [], topics: [String] = [],
                visibility: SessionVisibility = .everyone, isCancelled: Bool = false) {
        self.id = id
        self.moduleID = moduleID
        self.start = start
        self.end = end
        self.title = title
        self.description = description
        self.kind = kind
        self.room = room
        self.speakers = speakers
        self.topics = topics
        self.visibility = visibility
        self.isCancelled = isCancelled
    }

    /// What is wrong with the session as entered, field by field.
    public var problems: [FieldError] {
        var errors = FieldErrorList()
        let english = title.values[.english]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if english.isEmpty { errors.add("title", "Give the session a title in English.") }
        if title.values.values.contains(where: { $0.count > 200 }) { errors.add("title", "Keep the title under 200 characters.") }
        if description.values.values.contains(where: { $0.count > 5_000 }) { errors.add("description", "Keep the description under 5,000 characters.") }
        if end <= start {
            errors.add("end", "The session must end after it starts.")
        } else if end.timeIntervalSince(start) > 24 * 3600 {
            errors.add("end", "A session lasts a day at most; split a longer one.")
        }
        if room.count > 100 { errors.add("room", "Keep the room under 100 characters.") }
        if topics.count > 20 || topics.contains(where: { $0.count > 100 }) { errors.add("topics", "Give at most 20 topics of up to 100 characters.") }
        if speakers.count > 50 { errors.add("speakers", "A session has at most 50 facilitators and resource persons.") }
        return errors.errors
    }

    /// Whether the two sessions share any moment (one ending as the other starts does not count).
    public func overlaps(_ other: AgendaSession) -> Bool {
        start < other.end && other.start < end
    }
}

/// What stands against saving a session as it is: shown to the person saving it, never
/// accepted in silence.
public enum AgendaClash: Hashable, Sendable {
    /// A facilitator or resource person is already in another session at that time.
    case speakerInTwoSessions(personID: UUID, otherSessionID: UUID)
    case roomUsedTwice(room: String, otherSessionID: UUID)
    /// The session falls (partly) outside the module's dates, in the venue's time zone.
    case outsideModuleDates
}

public enum AgendaClashes {
    /// The clashes of `session` with the other sessions of its program (it may be among them;
    /// it is not compared with itself). Cancelled sessions clash with nothing.
    public static func find(_ session: AgendaSession, among others: [AgendaSession], moduleStart: CalendarDate, moduleEnd: CalendarDate,
                            timeZone: TimeZone) -> [AgendaClash] {
        guard !session.isCancelled else { return [] }
        var clashes: [AgendaClash] = []
        let first = CalendarDate(session.start, in: timeZone)
        // A session that ends at midnight belongs to the day before.
        let last = CalendarDate(session.end.addingTimeInterval(session.end > session.start ? -1 : 0), in: timeZone)
        if first < moduleStart || last > moduleEnd { clashes.append(.outsideModuleDates) }
        let room = normalisedRoom(session.room)
        for other in others.sorted(by: { ($0.start, $0.id.uuidString) < ($1.start, $1.id.uuidString) })
        where other.id != session.id && !other.isCancelled && session.overlaps(other) {
            for person in session.speakers where other.speakers.contains(person) {
                clashes.append(.speakerInTwoSessions(personID: person, otherSessionID: other.id))
            }
            if !room.isEmpty, other.moduleID == session.moduleID, normalisedRoom(other.room) == room {
                clashes.append(.roomUsedTwice(room: session.room.trimmingCharacters(in: .whitespacesAndNewlines), otherSessionID: other.id))
            }
        }
        return clashes
    }

    /// "Hall A" and " hall a " are one room.
    static func normalisedRoom(_ room: String) -> String {
        room.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

extension CalendarDate {
    /// The day `instant` falls on in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        self.init(instant.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: instant))))
    }
}
