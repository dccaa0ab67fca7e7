import Foundation

/// A session as typed in the agenda editor: a day of the module and times on the venue's
/// clock, titles and descriptions per language (English required), the rest as text.
public struct SessionForm: Sendable, Equatable {
    public var day: String
    public var start: String
    public var end: String
    public var titles: [Language: String]
    public var descriptions: [Language: String]
    public var kind: String
    public var room: String
    /// Separated by commas.
    public var topics: String
    public var visibility: String
    public var speakers: Set<UUID>
    public var isCancelled: Bool

    public init(day: String = "", start: String = "", end: String = "", titles: [Language: String] = [:],
                descriptions: [Language: String] = [:], kind: String = SessionKind.plenary.rawValue, room: String = "",
                topics: String = "", visibility: String = SessionVisibility.everyone.rawValue, speakers: Set<UUID> = [],
                isCancelled: Bool = false) {
        self.day = day
        self.start = start
        self.end = end
        self.titles = titles
        self.descriptions = descriptions
        self.kind = kind
        self.room = room
        self.topics = topics
        self.visibility = visibility
        self.speakers = speakers
        self.isCancelled = isCancelled
    }

    public init(_ session: AgendaSession, in zone: TimeZone) {
        let start = VenueTime(session.start, in: zone), end = VenueTime(session.end, in: zone)
        self.init(day: start.date.iso, start: start.clock, end: end.clock, titles: session.title.values,
                  descriptions: session.description.values, kind: session.kind.rawValue, room: session.room,
                  topics: session.topics.joined(separator: ", "), visibility: session.visibility.rawValue,
                  speakers: Set(session.speakers), isCancelled: session.isCancelled)
    }

    /// The session, or every problem field by field (`title_en`, `start`, ...). The times are
    /// the venue's on `day`; a session ends on the day it starts.
    public func validated(id: UUID, moduleID: UUID, zone: TimeZone) throws -> AgendaSession {
        var errors = FieldErrorList()
        let date = CalendarDate(iso: day)
        if date == nil { errors.add("day", "Choose the day of the session.") }
        let startTime = Self.clock(start), endTime = Self.clock(end)
        if startTime == nil { errors.add("start", "Enter the start time like 09:30.") }
        if endTime == nil { errors.add("end", "Enter the end time like 10:30.") }
        let kind = SessionKind(rawValue: self.kind)
        if kind == nil { errors.add("kind", "Choose what kind of session it is.") }
        let visibility = SessionVisibility(rawValue: self.visibility)
        if visibility == nil { errors.add("visibility", "Choose who may see the session.") }
        let room = TextRules.clean(self.room)
        if room.contains(where: \.isNewline) { errors.add("room", "The room must fit on one line.") }
        let titles = LocalizedText(titles.mapValues(TextRules.clean))
        if titles.values.values.contains(where: { $0.contains(where: \.isNewline) }) {
            errors.add("title_\(Language.english.rawValue)", "A title must fit on one line.")
        }
        let topics = topics.split(separator: ",").map { TextRules.clean(String($0)) }.filter { !$0.isEmpty }
        guard let date, let startTime, let endTime, let kind, let visibility else {
            throw ValidationFailure(errors.errors)
        }
        let session = AgendaSession(
            id: id, moduleID: moduleID, start: VenueTime.instant(date, hour: startTime.hour, minute: startTime.minute, in: zone),
            end: VenueTime.instant(date, hour: endTime.hour, minute: endTime.minute, in: zone), title: titles,
            description: LocalizedText(descriptions.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
            kind: kind, room: room, speakers: speakers.sorted { $0.uuidString < $1.uuidString }, topics: topics,
            visibility: visibility, isCancelled: isCancelled)
        for problem in session.problems {
            let field = ["title", "description"].contains(problem.field) ? "\(problem.field)_\(Language.english.rawValue)" : problem.field
            errors.add(field, problem.message)
        }
        try errors.check()
        return session
    }

    /// "09:30" or "9:30" on a 24-hour clock.
    public static func clock(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}

extension VenueTime {
    /// The instant the venue's clock shows `hour:minute` on `date`. In the hour a clock skips
    /// (summer time begins) the time after the jump is taken; in the hour it repeats, the first.
    public static func instant(_ date: CalendarDate, hour: Int, minute: Int, in zone: TimeZone) -> Date {
        let wall = TimeInterval(daysFromCivil(date) * 86_400 + hour * 3600 + minute * 60)
        let guess = wall - TimeInterval(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall)))
        return Date(timeIntervalSince1970: wall - TimeInterval(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    /// Days from 1970-01-01 to `date` (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
