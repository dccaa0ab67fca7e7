import CohortCore
import CohortStore
import Foundation

/// A session's check-in list as a facilitator holds it on a phone: the expected participants
/// with a box each, saved in one go, or all marked present at once; and the code the room is
/// shown for checking in on one's own page.
struct CheckInListView: Sendable {
    struct Person: Sendable {
        let id: String
        let name: String
        /// Sent back with the box's state as shown, so a save changes only what the
        /// facilitator changed (a self check-in made meanwhile stays).
        let shownName: String
        let label: String
        let checked: Bool
        let wasShownPresent: Bool
    }

    let title: String
    let when: String
    let module: String
    let backHref: String
    let backLabel: String
    let code: String?
    let codeOpen: Bool
    let presentText: String
    let action: String
    let csrf: String
    let people: [Person]
    let isEmpty: Bool
    let error: String?

    init(sheet: AttendanceStore.Sheet, moduleTitle: String, code: String?, now: Date, action: String, csrf: String,
         back: (href: String, label: String), ticked: Set<UUID>? = nil, shown: Set<UUID>? = nil, error: String? = nil) {
        let zone = sheet.module.timeZone
        let start = VenueTime(sheet.session.start, in: zone), end = VenueTime(sheet.session.end, in: zone)
        title = sheet.session.title.text(in: .english)
        when = "\(start.dayText), \(start.clock)–\(end.clock) (\(start.offsetText))"
        module = moduleTitle
        backHref = back.href
        backLabel = back.label
        self.code = code.map { "\($0.prefix(3))-\($0.dropFirst(3))" }
        codeOpen = CheckIn.isOpen(sheet.session, at: now)
        let present = ticked ?? sheet.present
        let shownPresent = shown ?? sheet.present
        presentText = "\(present.count) of \(sheet.expected.count) present"
        self.action = action
        self.csrf = csrf
        people = sheet.expected.map { person in
            let id = person.personID.uuidString.lowercased()
            return Person(id: "present-\(id)", name: "present_\(id)", shownName: "shown_\(id)",
                          label: person.name + (person.country.map { " (\($0.englishName))" } ?? ""), checked: present.contains(person.personID),
                          wasShownPresent: shownPresent.contains(person.personID))
        }
        isEmpty = sheet.expected.isEmpty
        self.error = error
    }
}
