import Foundation
import Testing
@testable import CohortCore

@Suite struct AgendaClashTests {
    static let kualaLumpur = TimeZone(identifier: "Asia/Kuala_Lumpur")!
    static let module = UUID()
    static let start = CalendarDate(iso: "2006-04-07")!
    static let end = CalendarDate(iso: "2006-04-11")!

    /// 7 April 2006 at `hour`:`minute` in Petaling Jaya (UTC+8).
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        let seconds: Int = (day - 7) * 86_400 + hour * 3600 + minute * 60
        return Date(timeIntervalSince1970: 1_144_339_200 + TimeInterval(seconds))
    }

    static func session(_ from: Date, _ to: Date, room: String = "", speakers: [UUID] = [], cancelled: Bool = false,
                        module: UUID = module) -> AgendaSession {
        AgendaSession(id: UUID(), moduleID: module, start: from, end: to, title: LocalizedText(english: "Session"), kind: .plenary,
                      room: room, speakers: speakers, isCancelled: cancelled)
    }

    static func clashes(_ session: AgendaSession, _ others: [AgendaSession]) -> [AgendaClash] {
        AgendaClashes.find(session, among: others, moduleStart: start, moduleEnd: end, timeZone: kualaLumpur)
    }

    @Test func theHourIsInTheVenuesZone() {
        #expect(ICalendar.utc(Self.at(7, 9, 30)) == "20060407T013000Z")
    }

    @Test func aSpeakerInTwoSessionsAtOnceIsAClash() {
        let person = UUID()
        let other = Self.session(Self.at(7, 9), Self.at(7, 10, 30), speakers: [person])
        let moved = Self.session(Self.at(7, 10), Self.at(7, 11), speakers: [UUID(), person])
        #expect(Self.clashes(moved, [other, moved]) == [.speakerInTwoSessions(personID: person, otherSessionID: other.id)])
        // One ending as the other starts is not a clash; nor is a cancelled session.
        #expect(Self.clashes(Self.session(Self.at(7, 10, 30), Self.at(7, 12), speakers: [person]), [other]).isEmpty)
        #expect(Self.clashes(moved, [Self.session(Self.at(7, 9), Self.at(7, 12), speakers: [person], cancelled: true)]).isEmpty)
        var cancelledItself = moved
        cancelledItself.isCancelled = true
        #expect(Self.clashes(cancelledItself, [other]).isEmpty)
    }

    @Test func aRoomUsedTwiceIsAClashWhateverItsSpelling() {
        let hall = Self.session(Self.at(8, 14), Self.at(8, 16), room: "Hall A")
        let same = Self.session(Self.at(8, 15), Self.at(8, 17), room: " hall a ")
        #expect(Self.clashes(same, [hall]) == [.roomUsedTwice(room: "hall a", otherSessionID: hall.id)])
        #expect(Self.clashes(Self.session(Self.at(8, 15), Self.at(8, 17), room: "Hall B"), [hall]).isEmpty)
        // No room given is not a room; another module's venue has its own "Hall A".
        #expect(Self.clashes(Self.session(Self.at(8, 15), Self.at(8, 17)), [Self.session(Self.at(8, 14), Self.at(8, 16))]).isEmpty)
        #expect(Self.clashes(Self.session(Self.at(8, 15), Self.at(8, 17), room: "Hall A", module: UUID()), [hall]).isEmpty)
    }

    @Test func aSessionOutsideTheModulesDatesInTheVenuesZoneIsAClash() {
        // 11 April 23:00–24:00 in Petaling Jaya is still the module's last day (15:00–16:00 UTC).
        #expect(Self.clashes(Self.session(Self.at(11, 23), Self.at(12, 0)), []).isEmpty)
        #expect(Self.clashes(Self.session(Self.at(12, 0), Self.at(12, 1)), []) == [.outsideModuleDates])
        // 7 April 07:00 in Petaling Jaya is 6 April in UTC, yet inside the module.
        #expect(Self.clashes(Self.session(Self.at(7, 7), Self.at(7, 8)), []).isEmpty)
        #expect(Self.clashes(Self.session(Self.at(6, 23), Self.at(7, 9)), []) == [.outsideModuleDates])
    }
}

@Suite struct DemoAgendaTests {
    /// The demo's 2006 workshop has forty sessions over its five days, and none clashes: the
    /// agenda editor would otherwise greet a newcomer with a warning on every change.
    @Test func theDemoWorkshopHasFortySessionsThatDoNotClash() throws {
        let module = ProgramModule(id: UUID(), programID: UUID(), number: 1, title: "Workshop", startDate: CalendarDate(iso: "2006-04-07")!,
                                   endDate: CalendarDate(iso: "2006-04-11")!, city: "Petaling Jaya", country: Country(code: "MY"),
                                   format: .inPerson, timeZone: "Asia/Kuala_Lumpur")
        #expect(module.days.map(\.iso) == ["2006-04-07", "2006-04-08", "2006-04-09", "2006-04-10", "2006-04-11"])
        let keys = Dictionary(uniqueKeysWithValues: DemoCatalog.speakers2006.map { ($0.key, UUID()) })
        let sessions = DemoCatalog.sessions2006.map { $0.session(id: UUID(), in: module, people: keys) }
        #expect(DemoCatalog.sessions2006.allSatisfy { $0.day < module.days.count })
        #expect(sessions.count == 40)
        #expect(DemoCatalog.sessions2006.allSatisfy { $0.speakers.allSatisfy { keys[$0] != nil } })
        for session in sessions {
            #expect(session.problems.isEmpty, "\(session.title.text(in: .english))")
            #expect(AgendaClashes.find(session, among: sessions, moduleStart: module.startDate, moduleEnd: module.endDate,
                                       timeZone: module.zone).isEmpty,
                    "\(session.title.text(in: .english)) clashes")
        }
    }
}
