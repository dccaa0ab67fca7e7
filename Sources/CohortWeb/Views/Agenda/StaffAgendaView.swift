import CohortCore
import CohortStore
import Foundation

/// The agenda editor of a module: the draft day by day, what stands against saving a session
/// (its clashes, to accept knowingly), the form, publishing with a note, and past versions.
struct StaffAgendaView: Sendable {
    struct Row: Sendable {
        let time: String
        let title: String
        let details: String
        let speakers: String?
        let status: String?
        let editHref: String
        /// Sessions people attend have a check-in list.
        let checkInHref: String?
        let remove: DangerAction?
    }

    struct Day: Sendable {
        let heading: String
        let rows: [Row]
    }

    struct Version: Sendable {
        let number: Int
        let published: String
        let note: String
    }

    let heading: String
    let programTitle: String
    let tabs: [Tab]
    let zoneText: String
    let publicHref: String
    let attendanceHref: String
    let days: [Day]
    /// "3 changes since version 2", "Not published yet", "Published as version 2".
    let draftState: String
    let canPublish: Bool
    let publishForm: FormView?
    let clashes: [String]
    let sessionHeading: String
    let sessionForm: FormView
    let versions: [Version]
    /// The session being changed: its materials and the form to add one.
    var materials: MaterialsSection? = nil

    let isEmpty: Bool

    struct Context {
        let program: Program
        let module: ProgramModule
        let zone: TimeZone
        let entries: [AgendaEntry]
        let versions: [AgendaVersion]
        let names: [UUID: String]
    }

    init(_ context: Context, csrf: String, isAdmin: Bool, publishForm: FormView?, clashes: [String], sessionHeading: String,
         sessionForm: FormView) {
        let program = context.program, module = context.module
        heading = "Agenda of module \(module.number): \(module.title)"
        programTitle = program.title
        tabs = Tab.program(slug: program.slug, current: "Modules", isAdmin: isAdmin)
        zoneText = "\(module.periodText) · \(module.venueText) · times in \(module.timeZone)"
        publicHref = SiteURL.programAgenda(slug: program.slug).path
        attendanceHref = SiteURL.moduleAttendance(slug: program.slug, id: module.id).path
        let published = Set(context.versions.flatMap { $0.entries.map(\.session.id) })
        var days: [(CalendarDate, String, [Row])] = []
        for entry in context.entries {
            let session = entry.session
            let start = VenueTime(session.start, in: context.zone), end = VenueTime(session.end, in: context.zone)
            let removal = published.contains(session.id)
                ? "The session stays on the agenda as cancelled; participants are told when you next publish."
                : "The session was never published and is deleted."
            let row = Row(
                time: "\(start.clock)–\(end.clock)", title: session.title.text(in: .english),
                details: ([session.kind.label, session.room].filter { !$0.isEmpty } + [session.visibility.audienceLabel]).joined(separator: " · "),
                speakers: session.speakers.isEmpty ? nil : session.speakers.compactMap { context.names[$0] }.sorted().joined(separator: ", "),
                status: session.isCancelled ? "Cancelled" : nil,
                editHref: SiteURL.agendaSession(slug: program.slug, id: module.id, sessionID: session.id).path,
                checkInHref: AttendanceSummary.counts(session) && session.visibility != .staff
                    ? SiteURL.sessionAttendance(sessionID: session.id).path : nil,
                remove: session.isCancelled ? nil : DangerAction(
                    label: published.contains(session.id) ? "Cancel session" : "Delete session", consequence: removal,
                    action: SiteURL.removeAgendaSession(slug: program.slug, id: module.id, sessionID: session.id).path, csrf: csrf))
            if let last = days.last, last.0 == start.date {
                days[days.count - 1].2.append(row)
            } else {
                days.append((start.date, start.dayText, [row]))
            }
        }
        self.days = days.map { Day(heading: $0.1, rows: $0.2) }
        isEmpty = days.isEmpty
        let latest = context.versions.last
        let changes = AgendaChanges.between(latest?.entries.map(\.session) ?? [], context.entries.map(\.session)).count
        let unchanged = latest?.entries == context.entries
        if let latest {
            draftState = unchanged ? "Published as version \(latest.number): the agenda has not changed since."
                : "\(changes == 1 ? "1 change" : "\(changes) changes") since version \(latest.number), not yet published."
        } else {
            draftState = context.entries.isEmpty ? "Not published yet. Add the sessions, then publish." : "Not published yet."
        }
        canPublish = !unchanged && !(latest == nil && context.entries.isEmpty)
        self.publishForm = canPublish ? publishForm : nil
        self.clashes = clashes
        self.sessionHeading = sessionHeading
        self.sessionForm = sessionForm
        versions = context.versions.reversed().map {
            Version(number: $0.number, published: DateRangeText.day(VenueTime($0.publishedAt, in: context.zone).date), note: $0.note)
        }
    }
}

/// A session's materials in the editor, each with a way to take it off, and the form to add one.
struct MaterialsSection: Sendable {
    struct Item: Sendable {
        let title: String
        let detail: String
        let href: String
        let remove: DangerAction
    }

    let items: [Item]
    let form: FormView

    /// "Link to www.ohchr.org" ("link to …" inside a sentence), "PDF, 240 KB".
    static func detail(_ material: SessionMaterial, capitalised: Bool = true) -> String {
        switch material.content {
        case .link(let url): "\(capitalised ? "Link" : "link") to \(url.host ?? url.absoluteString)"
        case .file(_, let kind, let size): "\(kind.label), \(MaterialsSection.size(size))"
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? "\(max(1, bytes / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }

    /// Where a reader opens the material: the link itself, or Cohort's copy of the file.
    static func href(_ material: SessionMaterial) -> String {
        switch material.content {
        case .link(let url): url.absoluteString
        case .file: SiteURL.material(material.id).path
        }
    }
}
