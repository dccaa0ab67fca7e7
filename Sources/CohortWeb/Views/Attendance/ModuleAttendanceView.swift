import CohortCore
import CohortStore
import Foundation

/// A module's attendance for its managers: the completion rule, each session's count, and
/// each participant's sessions and hours against the rule.
struct ModuleAttendanceView: Sendable {
    struct SessionRow: Sendable {
        let when: String
        let title: String
        let present: String
        let listHref: String
    }

    struct PersonRow: Sendable {
        let name: String
        let country: String
        let sessions: String
        let hours: String
        let completes: String
    }

    let programTitle: String
    let tabs: [Tab]
    let heading: String
    let ruleText: String
    let ruleForm: FormView
    let sessions: [SessionRow]
    let people: [PersonRow]
    let completedText: String
    let hasSessions: Bool
    let hasPeople: Bool
    let exportHref: String
    let exportNamesHref: String
    let certificatesHref: String

    init(program: Program, module: ProgramModule, attendance: AttendanceStore.ModuleAttendance, tabs: [Tab], ruleForm: FormView) {
        programTitle = program.title
        self.tabs = tabs
        heading = "Attendance: Module \(module.number), \(module.title)"
        ruleText = Self.ruleText(attendance.rule)
        self.ruleForm = ruleForm
        let zone = module.zone
        let expected = attendance.participants.count
        sessions = attendance.sessions.map { session in
            let start = VenueTime(session.start, in: zone), end = VenueTime(session.end, in: zone)
            return SessionRow(when: "\(start.dayText), \(start.clock)–\(end.clock)", title: session.title.text(in: .english),
                              present: "\(attendance.presentCount(at: session.id)) of \(expected)",
                              listHref: SiteURL.sessionAttendance(sessionID: session.id).path)
        }
        people = attendance.participants.map { person in
            let summary = attendance.summary(of: person.personID)
            return PersonRow(name: person.name, country: person.country?.englishName ?? "–",
                             sessions: "\(summary.sessionsAttended) of \(summary.sessionsHeld)",
                             hours: "\(Self.hours(summary.hoursAttended)) of \(Self.hours(summary.hoursHeld))",
                             completes: attendance.rule.isMet(by: summary) ? "Yes" : "No")
        }
        completedText = "\(attendance.completed.count) of \(expected) participants meet the rule so far."
        hasSessions = !sessions.isEmpty
        hasPeople = !people.isEmpty
        exportHref = SiteURL.moduleAttendanceExport(slug: program.slug, id: module.id, names: false).path
        exportNamesHref = SiteURL.moduleAttendanceExport(slug: program.slug, id: module.id, names: true).path
        certificatesHref = SiteURL.moduleCertificates(slug: program.slug, id: module.id).path
    }

    static func ruleText(_ rule: CompletionRule) -> String {
        "A participant completes this module by attending at least \(rule.minimumPercent) % of its \(rule.measure == .sessions ? "sessions" : "hours")."
    }

    /// Hours with at most one decimal, as a person writes them ("6.5", "8").
    static func hours(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }
}
