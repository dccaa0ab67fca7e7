import Foundation
import Testing
@testable import CohortCore

/// The feed checked against RFC 5545's rules for content lines, TEXT values and UTC times.
@Suite struct ICalendarTests {
    @Test(arguments: [
        (1_144_373_400.0, "20060407T013000Z"), (-1.0, "19691231T235959Z"), (951_825_600.0, "20000229T120000Z"),
        (4_107_542_400.0, "21000301T000000Z"), (0.0, "19700101T000000Z"), (1_144_373_400.9, "20060407T013000Z"),
    ])
    func writesUTCTimesAsTheCalendarHasThem(seconds: Double, text: String) {
        #expect(ICalendar.utc(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func utcTimesAgreeWithFoundationAcrossCenturies() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: -2_208_988_800, through: 7_258_118_400, by: 86_400 * 37 + 3_601) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            #expect(ICalendar.utc(date) == expected)
        }
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendar.escape(#"Room 2, Level 3; bring a pen\paper"#) == #"Room 2\, Level 3\; bring a pen\\paper"#)
        #expect(ICalendar.escape("Line one\nLine two\r\nLine three\rEnd") == #"Line one\nLine two\nLine three\nEnd"#)
        // Control characters are not allowed in TEXT; a tab is.
        #expect(ICalendar.escape("a\u{0}b\u{1B}c\td\u{7F}") == "abc\td")
    }

    @Test func longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        let nepali = "SUMMARY:" + String(repeating: "आप्रवासी कामदारको अधिकार ", count: 8)
        let folded = ICalendar.fold(nepali)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (§3.1: remove each CRLF followed by one space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == nepali)
        #expect(ICalendar.fold("SUMMARY:short") == "SUMMARY:short")
        // One character longer than a line (a letter with a hundred accents) is split between its scalars.
        let monster = "SUMMARY:a" + String(repeating: "\u{301}", count: 100)
        #expect(ICalendar.fold(monster).utf8.split(separator: 13).allSatisfy { $0.count <= 76 })
        let exactly75 = String(repeating: "a", count: 75)
        #expect(ICalendar.fold(exactly75) == exactly75)
        #expect(ICalendar.fold(exactly75 + "b") == exactly75 + "\r\n b")
    }

    @Test func aCalendarHasOneEventPerSessionWithStableIdentityAndCancellationsKept() {
        let changed = Date(timeIntervalSince1970: 1_143_000_000)
        let opening = ICalendar.Event(uid: "session-1@cohort.example", sequence: 2, start: Date(timeIntervalSince1970: 1_144_373_400),
                                      end: Date(timeIntervalSince1970: 1_144_378_800), lastModified: changed,
                                      summary: "The Migrant Workers Convention, 1990", description: "Rights of all migrant workers;\nthe Committee.",
                                      location: "Hall A, Petaling Jaya")
        var cancelled = opening
        cancelled.uid = "session-2@cohort.example"
        cancelled.isCancelled = true
        cancelled.description = ""
        let text = ICalendar(name: "MWP 2006, Module 1", events: [opening, cancelled]).text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        // Every line ends with CRLF: no bare line feed anywhere.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
        #expect(text.contains("UID:session-1@cohort.example\r\n") && text.contains("SEQUENCE:2\r\n"))
        #expect(text.contains("DTSTART:20060407T013000Z\r\nDTEND:20060407T030000Z\r\n"))
        #expect(text.contains("DTSTAMP:\(ICalendar.utc(changed))\r\n"))
        #expect(text.contains(#"DESCRIPTION:Rights of all migrant workers\;\nthe Committee."#))
        #expect(text.contains(#"LOCATION:Hall A\, Petaling Jaya"#))
        #expect(text.contains("X-WR-CALNAME:MWP 2006\\, Module 1\r\n"))
        #expect(text.components(separatedBy: "STATUS:CANCELLED").count == 2)
        #expect(text.components(separatedBy: "STATUS:CONFIRMED").count == 2)
        // The same agenda gives the same bytes, so a subscriber sees nothing new.
        #expect(text == ICalendar(name: "MWP 2006, Module 1", events: [opening, cancelled]).text)
    }
}
