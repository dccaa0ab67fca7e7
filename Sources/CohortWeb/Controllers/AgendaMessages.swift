import CohortCore
import CohortStore
import Foundation

/// The message everyone of a program gets when a module's agenda is published: the manager's
/// note and each change they may see, in their language where the words are translated.
struct AgendaMessages: Sendable {
    let catalogs: Catalogs
    let baseURL: URL
    let program: Program
    let module: ProgramModule

    func changed(_ recipient: AgendaStore.Recipient, _ changes: [AgendaChange], _ version: AgendaVersion) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: recipient.language)
        let zone = module.zone
        func when(_ session: AgendaSession) -> String {
            let start = VenueTime(session.start, in: zone), end = VenueTime(session.end, in: zone)
            return "\(start.dayText), \(start.clock)–\(end.clock)" + (session.room.isEmpty ? "" : ", \(session.room)")
        }
        let lines = changes.map { change -> String in
            let session = change.session
            let title = session.title.text(in: recipient.language)
            switch change {
            case .added: return words("mail.agenda.added", ["title": title, "when": when(session)])
            case .moved(let from, _): return words("mail.agenda.moved", ["title": title, "when": when(session), "was": when(from)])
            case .cancelled: return words("mail.agenda.cancelled", ["title": title, "when": when(session)])
            case .restored: return words("mail.agenda.restored", ["title": title, "when": when(session)])
            case .changed: return words("mail.agenda.changed", ["title": title, "when": when(session)])
            case .removed: return words("mail.agenda.removed", ["title": title, "when": when(session)])
            }
        }
        // Their own view of the agenda: the change lines name participants-only sessions too.
        let link = baseURL.absoluteString.trimmingSuffix("/") + SiteURL.meAgenda(slug: program.slug).path
        return OutgoingMessage(
            to: recipient.email, subject: words("mail.agenda.subject", ["module": "\(module.number)"]),
            body: words("mail.agenda.body", ["name": recipient.name, "program": program.title, "module": "\(module.number)",
                                             "version": "\(version.number)", "note": version.note,
                                             "changes": lines.map { "- \($0)" }.joined(separator: "\n"), "link": link, "zone": module.timeZone]))
    }
}
