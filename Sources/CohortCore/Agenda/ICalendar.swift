import Foundation

/// iCalendar text (RFC 5545) for the agenda feeds that calendar programs subscribe to.
///
/// Times are written in UTC (`DTSTART:20060407T013000Z`), which every calendar program reads
/// and shows in its own zone, so no `VTIMEZONE` has to be kept in step with the zone database.
/// The output depends only on the events: `DTSTAMP` is each session's last change (the feed
/// has no `METHOD`, so RFC 5545 §3.8.7.2 gives it that meaning), so an unchanged agenda gives
/// the same bytes and a subscriber's program sees nothing new.
public struct ICalendar: Sendable {
    public struct Event: Hashable, Sendable {
        /// Never changes for a session, so a moved session is the same event moved.
        public var uid: String
        /// Goes up with every published change of the session.
        public var sequence: Int
        public var start: Date
        public var end: Date
        public var lastModified: Date
        public var summary: String
        public var description: String
        public var location: String
        /// A cancelled session stays in the feed, so calendars remove it instead of keeping a stale copy.
        public var isCancelled: Bool

        public init(uid: String, sequence: Int, start: Date, end: Date, lastModified: Date, summary: String,
                    description: String = "", location: String = "", isCancelled: Bool = false) {
            self.uid = uid
            self.sequence = sequence
            self.start = start
            self.end = end
            self.lastModified = lastModified
            self.summary = summary
            self.description = description
            self.location = location
            self.isCancelled = isCancelled
        }
    }

    public var name: String
    public var events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// The whole calendar, lines ended by CRLF and folded at 75 octets.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cohort//Agenda//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(Self.escape(name))"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(Self.escape(event.uid))", "DTSTAMP:\(Self.utc(event.lastModified))",
                      "LAST-MODIFIED:\(Self.utc(event.lastModified))", "SEQUENCE:\(max(0, event.sequence))",
                      "DTSTART:\(Self.utc(event.start))", "DTEND:\(Self.utc(max(event.end, event.start)))",
                      "SUMMARY:\(Self.escape(event.summary))"]
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(Self.escape(event.description))") }
            if !event.location.isEmpty { lines.append("LOCATION:\(Self.escape(event.location))") }
            lines.append("STATUS:\(event.isCancelled ? "CANCELLED" : "CONFIRMED")")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, and
    /// other control characters (which the format does not allow) left out.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Folds a content line (§3.1): no physical line longer than 75 octets, continuation lines
    /// begun with one space, and never a break inside a character: not inside its UTF-8 bytes,
    /// and not between a letter and its marks (a Nepali vowel sign stays with its consonant),
    /// unless one character alone is longer than a line.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var folded = ""
        var octets = 0
        func append(_ piece: String) {
            let size = piece.utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded += piece
            octets += size
        }
        for character in line {
            if character.utf8.count <= 74 {
                append(String(character))
            } else {
                for scalar in character.unicodeScalars { append(String(scalar)) }
            }
        }
        return folded
    }

    /// `YYYYMMDDTHHMMSSZ`, worked out by arithmetic: Foundation's formatters are slow on Linux,
    /// and a feed writes two of these per session.
    public static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)\(two(month))\(two(day))T\(two(secondOfDay / 3600))\(two(secondOfDay / 60 % 60))\(two(secondOfDay % 60))Z"
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
