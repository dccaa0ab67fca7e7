import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct CallEditorTests {
    static let settings: [String: String] = [
        "title_en": "Call for advocates from countries of origin", "lang_en": "on", "lang_ne": "on",
        "description_en": "Advocates from Nepal may apply.", "privacy_en": "Only the team reads it.", "timeZone": "Asia/Kathmandu",
        "opensAt": "2026-01-01T09:00", "closesAt": "2030-01-01T17:00", "graceMinutes": "15", "contactEmail": "team@example.org",
        "referencePrefix": "MWPNP", "published": "on", "nationalities": "NP",
    ]

    @Test(arguments: TestDatabaseKind.all)
    func aManagerCreatesACallBuildsItsFormAndPreviewsIt(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get("/staff/programs/mwp-2017-18/calls").body.string.contains("/staff/programs/mwp-2017-18/calls/new"))
            var bad = Self.settings
            bad["closesAt"] = "2020-01-01T09:00"
            let refused = try await manager.post("/staff/programs/mwp-2017-18/calls/new", bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("The call must close after it opens."))
            #expect(refused.body.string.contains("value=\"Call for advocates from countries of origin\""))
            // Nepali was ticked, so its fields are offered.
            #expect(refused.body.string.contains("Title (नेपाली)"))

            let created = try await manager.post("/staff/programs/mwp-2017-18/calls/new", Self.settings)
            #expect(created.status == .seeOther)
            let formPath = try #require(created.headers.first(name: .location))
            let callPath = String(formPath.dropLast("/form".count))
            let callID = try #require(UUID(uuidString: String(callPath.split(separator: "/").last!)))

            var section = ["key": "work", "title_en": "Your work", "title_ne": "तपाईंको काम", "version": "1", "replacing": ""]
            #expect(try await manager.post(formPath + "/section", section).status == .seeOther)
            // The same change sent again on the old version is refused, not applied twice.
            section["key"] = "work_again"
            #expect(try await manager.post(formPath + "/section", section).status == .conflict)
            let question = ["key": "focus", "type": "multiple_choice", "required": "on", "label_en": "Your focus", "label_ne": "तपाईंको ध्यान",
                            "options": "recruitment | Recruitment | भर्ती\ndetention | Detention", "section": "work", "version": "2", "replacing": ""]
            #expect(try await manager.post(formPath + "/question", question).status == .seeOther)
            var second = ["key": "years_abroad", "type": "number", "label_en": "Years abroad", "minimum": "0", "maximum": "60",
                          "section": "work", "version": "3", "replacing": ""]
            let duplicate = try await manager.post(formPath + "/question", second.merging(["key": "focus"]) { $1 })
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("Another question already uses"))
            #expect(try await manager.post(formPath + "/question", second).status == .seeOther)
            #expect(try await manager.post(formPath + "/move", ["kind": "question", "key": "years_abroad", "direction": "up", "version": "4"]).status == .seeOther)
            var loaded = try #require(try await CallStore(db: app.persistence).load(callID))
            #expect(loaded.form.version == 5)
            #expect(loaded.form.sections.map(\.key) == ["profile", "work"])
            #expect(loaded.form.sections[1].questions.map(\.key) == ["years_abroad", "focus"])

            let builder = try await manager.get(formPath).body.string
            #expect(builder.contains("Your focus"))
            #expect(builder.contains("Not yet in Nepali"))
            let preview = try await manager.get(callPath + "/preview?lang=ne&section=2")
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("<html lang=\"ne\">"))
            #expect(preview.body.string.contains("तपाईंको ध्यान"))
            #expect(preview.body.string.contains("भर्ती"))
            #expect(preview.body.string.contains("nothing typed here is saved"))
            #expect(!preview.body.string.contains("autosave"))

            // Rules and settings: a required answer must name a question of the form.
            var edit = Self.settings
            edit["requiredAnswers"] = "nosuch: yes"
            #expect(try await manager.post(callPath, edit).status == .unprocessableEntity)
            edit["requiredAnswers"] = "focus: recruitment"
            edit["editAfterSubmit"] = "on"
            #expect(try await manager.post(callPath, edit).status == .seeOther)
            loaded = try #require(try await CallStore(db: app.persistence).load(callID))
            #expect(loaded.rules.requiredAnswers == ["focus": ["recruitment"]])
            #expect(loaded.call.allowsEditingAfterSubmit)
            // A question the rules use cannot be removed.
            #expect(try await manager.post(formPath + "/remove", ["kind": "question", "key": "focus", "version": "5"]).status == .unprocessableEntity)
            second["replacing"] = "years_abroad"
            #expect(try await manager.post(formPath + "/remove", ["kind": "question", "key": "years_abroad", "version": "5"]).status == .seeOther)
            #expect(try await CallStore(db: app.persistence).load(callID)?.form.questions.contains { $0.key == "years_abroad" } == false)
            // A question moves to another section from its edit page.
            #expect(try await manager.post(formPath + "/section", ["key": "later", "title_en": "Later", "version": "6", "replacing": ""]).status == .seeOther)
            let editPage = try await manager.get(formPath + "/question?key=focus").body.string
            #expect(editPage.contains("<option value=\"work\" selected>"))
            var moveFocus = question
            moveFocus["section"] = "later"
            moveFocus["replacing"] = "focus"
            moveFocus["version"] = "7"
            #expect(try await manager.post(formPath + "/question", moveFocus).status == .seeOther)
            #expect(try await CallStore(db: app.persistence).load(callID)?.form.sections.last?.questions.map(\.key) == ["focus"])

            // The public page shows the new call with its Nepali title fallback and deadline.
            let page = try await Browser(app).get("/calls/\(callID.uuidString.lowercased())?lang=ne")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Call for advocates from countries of origin"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func changingTheRulesChecksEveryApplicationAgain(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, _) = try await StaffDecisionTests.closedCall(app)
            let list = ApplicationListStore(db: app.persistence)
            #expect(try await list.total(callID: callID, filter: ApplicationFilter(eligible: false)) == 0)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let path = "/staff/calls/\(callID.uuidString.lowercased())"
            let page = try await admin.get(path).body.string
            #expect(page.contains("value=\"MWP2006\""))
            let loaded = try #require(try await CallStore(db: app.persistence).load(callID))
            var values = CallForm(loaded.call, rules: loaded.rules).values
            values["nationalities"] = "MY"
            // References were given in 2006: the prefix stays.
            values["referencePrefix"] = "MWP2007"
            let refused = try await admin.post(path, values)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("can no longer change"))
            values["referencePrefix"] = "MWP2006"
            #expect(try await admin.post(path, values).status == .seeOther)
            let ineligible = try await list.total(callID: callID, filter: ApplicationFilter(eligible: false))
            let malaysians = try await list.total(callID: callID, filter: ApplicationFilter(nationality: "MY"))
            #expect(ineligible == 32 - malaysians)
            #expect(ineligible > 0)
        }
    }
}
