import CohortCore
import CohortStore
import Foundation

/// A participant's, facilitator's or resource person's home: their programs, their next
/// sessions, the sessions they speak in, the name for their certificates and their calendar.
struct MeView: Sendable {
    struct ProgramLine: Sendable {
        let title: String
        let roles: String
        let agendaHref: String
    }

    /// One session as a person's home lists it, in the venue's time.
    struct SessionLine: Sendable {
        let when: String
        let title: String
        let place: String
        let agendaHref: String
        let isCancelled: Bool
        /// For the sessions the reader speaks in: the session's check-in list.
        let checkInHref: String?
    }

    /// A survey the person is asked to answer, and where they stand with it.
    struct SurveyLine: Sendable {
        let title: String
        let href: String
        let state: String
        let stateClass: String
    }

    struct CertificateLine: Sendable {
        let title: String
        let printHref: String
        let isRevoked: Bool
    }

    /// A one-button form (calendar address, sign out).
    struct Button: Sendable {
        let action: String
        let csrf: String
        let label: String
    }

    let t: [String: String]
    let greeting: String
    let notice: String?
    /// Shown while a session of theirs runs, or when a code was refused.
    let checkInForm: FormView?
    let programs: [ProgramLine]
    let next: [SessionLine]
    let hasNext: Bool
    let speaking: [SessionLine]
    let hasSpeaking: Bool
    /// Stored, not computed: templates read stored properties only.
    var surveys: [SurveyLine] = [] { didSet { hasSurveys = !surveys.isEmpty } }
    private(set) var hasSurveys = false
    let certificates: [CertificateLine]
    let hasCertificates: Bool
    let nameForm: FormView
    let feedURL: String
    let renewFeed: Button
    let signOut: Button

    static let keys = ["me.home.programs", "me.home.agenda", "me.home.next", "me.home.noNext", "me.home.speaking", "me.home.name.heading",
                       "me.home.calendar.heading", "me.home.calendar.body", "me.home.calendar.renewHint", "common.sample",
                       "me.checkIn.heading", "me.home.checkInList", "me.home.certificates", "me.home.noCertificates", "me.home.print",
                       "me.home.revoked", "me.home.surveys"]
}

/// The sessions of one program a person may see, with what the home page needs of each.
struct PersonAgenda: Sendable {
    let program: Program
    let modules: [ProgramModule]
    let published: AgendaStore.Published
    let audience: AgendaAudience

    struct Item: Sendable {
        let session: AgendaSession
        let module: ProgramModule
    }

    /// Every published session the audience sees, by start.
    var items: [Item] {
        modules.flatMap { module in
            (published.versions[module.id]?.entries ?? []).map(\.session).filter(audience.sees).map { Item(session: $0, module: module) }
        }.sorted { ($0.session.start, $0.session.id.uuidString) < ($1.session.start, $1.session.id.uuidString) }
    }

    func line(_ item: Item, language: Language, checkInList: Bool = false) -> MeView.SessionLine {
        let formatter = DateFormatter()
        // British English writes "Friday 7 April 2006", as the rest of Cohort does.
        formatter.locale = Locale(identifier: language == .english ? "en_GB" : language.rawValue)
        formatter.timeZone = item.module.zone
        formatter.setLocalizedDateFormatFromTemplate("EEEE d MMMM y HH:mm")
        let end = VenueTime(item.session.end, in: item.module.zone).clock
        let anchor = "#session-\(item.session.id.uuidString.lowercased())"
        return MeView.SessionLine(
            when: "\(formatter.string(from: item.session.start))–\(end)",
            title: item.session.title.text(in: language),
            place: ["Module \(item.module.number)", item.session.room, item.module.venueText].filter { !$0.isEmpty }.joined(separator: " · "),
            agendaHref: SiteURL.meAgenda(slug: program.slug).path + anchor, isCancelled: item.session.isCancelled,
            checkInHref: checkInList && AttendanceSummary.counts(item.session) ? SiteURL.sessionAttendance(sessionID: item.session.id).path : nil)
    }
}
