import CohortCore
import Foundation

/// The calls taking applications now, as the home page and a program's page list them
/// first: someone who arrives there to apply finds where at once.
struct OpenCallItem: Sendable {
    let title: String
    let programTitle: String
    let href: String
    /// The deadline in the call's own zone, as the call page gives it.
    let deadline: String
    let languages: String

    /// The open calls among `calls` (published, not closed), and the next moment one of them
    /// opens or closes: a page listing them is good until then.
    static func open(_ calls: [Call], programTitles: [UUID: String], words: Words, at now: Date) -> (items: [OpenCallItem], validUntil: Date?) {
        let items = calls.filter { $0.status(at: now) == .open }.map { call in
            OpenCallItem(title: call.title.text(in: words.language), programTitle: programTitles[call.programID] ?? "",
                         href: SiteURL.call(call.id).path,
                         deadline: words("call.closes", ["date": words.dateTime(call.closesAt, zone: call.timeZone)]),
                         languages: call.languages.map(\.nativeName).joined(separator: " · "))
        }
        let changes = calls.flatMap { [$0.opensAt, $0.closesAt] }.filter { $0 > now }
        return (items, changes.min())
    }
}
