import Foundation
import Testing
@testable import CohortCore

@Suite struct AttendanceTests {
    /// Five one-hour sessions, one two-hour workshop, a lunch and a cancelled panel.
    static let sessions: [AgendaSession] = {
        var sessions = (0..<5).map { AgendaClashTests.session(AgendaClashTests.at(7, 9 + $0), AgendaClashTests.at(7, 10 + $0)) }
        var workshop = AgendaClashTests.session(AgendaClashTests.at(8, 9), AgendaClashTests.at(8, 11))
        workshop.kind = .workshop
        var lunch = AgendaClashTests.session(AgendaClashTests.at(8, 12), AgendaClashTests.at(8, 13))
        lunch.kind = .meal
        var panel = AgendaClashTests.session(AgendaClashTests.at(8, 14), AgendaClashTests.at(8, 15))
        panel.kind = .panel
        panel.isCancelled = true
        sessions += [workshop, lunch, panel]
        return sessions
    }()

    @Test func breaksMealsAndCancelledSessionsCountForNobody() {
        let everything = AttendanceSummary(sessions: Self.sessions, attended: Set(Self.sessions.map(\.id)))
        #expect(everything.sessionsHeld == 6 && everything.sessionsAttended == 6)
        #expect(everything.hoursHeld == 7 && everything.hoursAttended == 7)
    }

    @Test func theRuleCountsSessionsOrHoursAsTheModuleSays() {
        // Four of the one-hour sessions and the lunch: 4 of 6 sessions (67 %), 4 of 7 hours (57 %).
        let attended = Set(Self.sessions.prefix(4).map(\.id) + [Self.sessions[6].id])
        let summary = AttendanceSummary(sessions: Self.sessions, attended: attended)
        #expect(summary.sessionsAttended == 4 && summary.hoursAttended == 4)
        #expect(CompletionRule(measure: .sessions, minimumPercent: 66).isMet(by: summary))
        #expect(!CompletionRule(measure: .sessions, minimumPercent: 67).isMet(by: summary))
        #expect(!CompletionRule(measure: .hours, minimumPercent: 60).isMet(by: summary))
        // The workshop's two hours tip the hours over: 6 of 7 (86 %).
        let withWorkshop = AttendanceSummary(sessions: Self.sessions, attended: attended.union([Self.sessions[5].id]))
        #expect(CompletionRule(measure: .hours, minimumPercent: 80).isMet(by: withWorkshop))
    }

    @Test func exactlyTheMinimumMeetsIt() {
        let five = Array(Self.sessions.prefix(5))
        let four = AttendanceSummary(sessions: five, attended: Set(five.prefix(4).map(\.id)))
        #expect(CompletionRule(measure: .sessions, minimumPercent: 80).isMet(by: four))
        #expect(!CompletionRule(measure: .sessions, minimumPercent: 81).isMet(by: four))
        #expect(!CompletionRule().isMet(by: AttendanceSummary(sessions: [], attended: [])))
        #expect(CompletionRule(minimumPercent: 500).minimumPercent == 100 && CompletionRule(minimumPercent: -3).minimumPercent == 1)
    }
}
