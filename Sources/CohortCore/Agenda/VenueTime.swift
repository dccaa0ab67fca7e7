import Foundation

/// An instant as the venue's clock shows it: agendas are planned and read in the venue's time
/// zone, whatever zone the reader's device is in. Worked out by arithmetic on the zone's offset
/// at that instant (which knows summer time), as Foundation's formatters are slow on Linux and
/// a 40-session agenda writes a hundred of these.
public struct VenueTime: Hashable, Sendable {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Seconds east of UTC at that instant.
    public let offset: Int
    /// 0 for Sunday to 6 for Saturday.
    public let weekdayIndex: Int

    public init(_ instant: Date, in zone: TimeZone) {
        offset = zone.secondsFromGMT(for: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = ICalendar.civil(fromDays: days)
        date = CalendarDate(year: min(max(civil.year, 1), 9999), month: civil.month, day: civil.day) ?? CalendarDate(year: 1, month: 1, day: 1)!
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekdayIndex = ((days % 7) + 7 + 4) % 7 // 1 January 1970 was a Thursday (index 4, Sunday 0).
    }

    /// "09:30"
    public var clock: String { "\(Self.two(hour)):\(Self.two(minute))" }

    /// "2006-04-07T09:30:00+08:00": ISO 8601 with the venue's offset.
    public var iso8601: String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(date.iso)T\(clock):\(Self.two(second))\(sign)\(Self.two(magnitude / 3600)):\(Self.two(magnitude / 60 % 60))"
    }

    /// "UTC+8", "UTC+5:45", "UTC": said next to the times, so nobody reads them in their own zone.
    public var offsetText: String {
        guard offset != 0 else { return "UTC" }
        let magnitude = abs(offset)
        let minutes = magnitude / 60 % 60
        return "UTC\(offset < 0 ? "−" : "+")\(magnitude / 3600)\(minutes == 0 ? "" : ":\(Self.two(minutes))")"
    }

    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// "Monday 7 April 2006"
    public var dayText: String { date.weekdayText }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension CalendarDate {
    /// The day after, or nil after 31 December 9999.
    public var next: CalendarDate? {
        let civil = ICalendar.civil(fromDays: VenueTime.daysFromCivil(self) + 1)
        return CalendarDate(year: civil.year, month: civil.month, day: civil.day)
    }

    /// "Monday 7 April 2006"
    public var weekdayText: String {
        let days = VenueTime.daysFromCivil(self)
        return "\(VenueTime.weekdayNames[((days % 7) + 7 + 4) % 7]) \(DateRangeText.day(self))"
    }
}
