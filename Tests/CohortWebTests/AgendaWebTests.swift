import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct AgendaWebTests {
    /// Module 2 of the next edition (in Kuala Lumpur's zone, no sessions yet) and the editor's address.
    static func module(_ app: Application) async throws -> (ProgramModule, String) {
        let module = try #require(try await ProgramStore(db: app.persistence).detail(slug: "mwp-next")?.modules.dropFirst().first)
        return (module, "/staff/programs/mwp-next/modules/\(module.id.uuidString.lowercased())/agenda")
    }

    static func session(_ module: ProgramModule, _ start: String, _ end: String, title: String, room: String = "Hall A",
                        visibility: SessionVisibility = .everyone) -> [String: String] {
        ["day": module.startDate.iso, "start": start, "end": end, "title_en": title, "description_en": "Rights, and how to claim them; in practice.",
         "kind": SessionKind.plenary.rawValue, "room": room, "topics": "ICRMW, ILO C189", "visibility": visibility.rawValue]
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerBuildsAndPublishesAnAgendaThatThePublicCalendarsAndTheAPIShow(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let (module, editor) = try await Self.module(app)
            #expect(try await manager.get("/staff/programs/mwp-next/modules").body.string.contains("href=\"\(editor)\""))
            let empty = try await manager.get(editor)
            #expect(empty.status == .ok && empty.body.string.contains("No sessions yet"))
            #expect(empty.body.string.contains("name=\"title_ms\""), "the call's languages are offered for translations")

            // Bad input is named field by field, and what was typed stays.
            let bad = try await manager.post(editor, ["day": "2017-02-30", "start": "25:00", "end": "1e300", "title_en": "",
                                                      "kind": "keynote", "visibility": "secret", "room": "Room <b>1</b>"])
            #expect(bad.status == .unprocessableEntity)
            for field in ["day", "start", "end", "kind", "visibility"] { #expect(bad.body.string.contains("href=\"#f-\(field)\""), "\(field)") }
            #expect(bad.body.string.contains("value=\"Room &lt;b&gt;1&lt;/b&gt;\""))
            let noTitle = try await manager.post(editor, Self.session(module, "09:00", "08:00", title: " "))
            #expect(noTitle.status == .unprocessableEntity && noTitle.body.string.contains("href=\"#f-title_en\"")
                    && noTitle.body.string.contains("The session must end after it starts."))

            #expect(try await manager.post(editor, Self.session(module, "09:00", "10:30", title: "The Migrant Workers Convention")).status == .seeOther)
            // The same room at the same time is shown, not saved, until the clash is accepted.
            let clash = try await manager.post(editor, Self.session(module, "10:00", "11:00", title: "Country groups"))
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("Hall A is also used by “The Migrant Workers Convention”"))
            #expect(clash.body.string.contains("name=\"acceptClashes\"") && clash.body.string.contains("value=\"Country groups\""))
            var accepted = Self.session(module, "10:00", "11:00", title: "Country groups")
            accepted["acceptClashes"] = "on"
            #expect(try await manager.post(editor, accepted).status == .seeOther)
            #expect(try await manager.post(editor, Self.session(module, "13:00", "14:00", title: "Participants' lunch talk", room: "Hall B",
                                                                visibility: .participants)).status == .seeOther)
            let agenda = AgendaStore(db: app.persistence)
            let entries = try await agenda.entries(moduleID: module.id)
            #expect(entries.count == 3)
            // 09:00 in Kuala Lumpur is 01:00 UTC.
            #expect(VenueTime(entries[0].session.start, in: TimeZone(secondsFromGMT: 0)!).clock == "01:00")

            // Nothing is public until it is published, with a note.
            let anonymous = Browser(app)
            #expect(!(try await anonymous.get("/programs/mwp-next").body.string.contains("/agenda\"")))
            #expect(try await anonymous.get("/programs/mwp-next/agenda").body.string.contains("No agenda is published yet"))
            let noNote = try await manager.post(editor + "/publish", ["note": " "])
            #expect(noNote.status == .unprocessableEntity && noNote.body.string.contains("href=\"#f-note\""))
            #expect(try await manager.post(editor + "/publish", ["note": "First agenda"]).status == .seeOther)
            #expect(try await manager.get(editor).body.string.contains("Published as version 1"))
            let unchanged = try await manager.post(editor + "/publish", ["note": "Again"])
            #expect(unchanged.status == .conflict)

            let page = try await anonymous.get("/programs/mwp-next/agenda")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("The Migrant Workers Convention") && html.contains("09:00–10:30") && html.contains("Asia/Kuala_Lumpur (UTC+8)"))
            #expect(!html.contains("lunch talk"), "a participants' session is not public")
            #expect(html.contains("Version 1") && html.contains("First agenda"))
            #expect(try await anonymous.get("/programs/mwp-next").body.string.contains("href=\"/programs/mwp-next/agenda\""))

            let feed = try await anonymous.get("/programs/mwp-next/agenda.ics")
            #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let ics = feed.body.string
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
            let first = entries[0].session.id.uuidString.lowercased()
            #expect(ics.contains("UID:session-\(first)@"))
            #expect(ics.contains("DTSTART:\(ICalendar.utc(entries[0].session.start))"))
            // Long lines are folded (a CRLF and a space); unfolded, the text is escaped.
            #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("Topics: ICRMW\\, ILO C189"))
            #expect(!ics.contains("lunch talk"))
            #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })

            let api = try await anonymous.get("/api/v1/programs/mwp-next/agenda")
            #expect(api.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any]
            let modules = try #require(json?["modules"] as? [[String: Any]])
            #expect(modules.first?["timeZone"] as? String == "Asia/Kuala_Lumpur")
            let sessions = try #require(modules.first?["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2 && sessions.first?["start"] as? String == "\(module.startDate.iso)T09:00:00+08:00")
            #expect(sessions.first?["topics"] as? [String] == ["ICRMW", "ILO C189"])

            // A published session taken off is cancelled, and stays in the feed as cancelled with its sequence raised.
            let removed = try await manager.post(editor + "/" + first + "/remove")
            #expect(removed.status == .seeOther)
            #expect(try await agenda.entries(moduleID: module.id).first?.session.isCancelled == true)
            #expect(try await manager.post(editor + "/publish", ["note": "The convention session is cancelled"]).status == .seeOther)
            let after = try await anonymous.get("/programs/mwp-next/agenda.ics").body.string
            let event = try #require(after.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:session-\(first)@") })
            #expect(event.contains("STATUS:CANCELLED") && event.contains("SEQUENCE:1"))
            #expect(try await anonymous.get("/programs/mwp-next/agenda").body.string.contains("Cancelled"))
            // Editing the session: its form holds what was saved.
            let edit = try await manager.get(editor + "/" + first)
            #expect(edit.status == .ok && edit.body.string.contains("value=\"09:00\"") && edit.body.string.contains("name=\"cancelled\""))
        }
    }
}
