import CohortCore
import CohortStore
import SQLKit
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct StaffPagesTests {
    @Test(arguments: TestDatabaseKind.all)
    func everyStaffPageRendersForAnAdministrator(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let pages: [(String, String)] = [
                ("/staff", "Your programs"), ("/staff/organisations", "5 organisations"), ("/staff/organisations/new", "New organisation"),
                ("/staff/accounts", "4 accounts"), ("/staff/accounts/new", "New account"), ("/staff/programs", "3 programs"),
                ("/staff/programs/new", "New program"), ("/staff/programs/mwp-2017-18", "Save changes"),
                ("/staff/programs/mwp-2017-18/partners", "Migrants, Refugees and Immigration Affairs Committee"),
                ("/staff/programs/mwp-2017-18/modules", "Shared advocacy strategies"),
                ("/staff/programs/mwp-2006/countries", "Burma"),
                ("/staff/programs/mwp-2017-18/members", "Demo Program Manager"),
            ]
            for (path, text) in pages {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains(text), "\(path) lacks \(text)")
                #expect(page.body.string.contains("name=\"csrf\""), "\(path) has no CSRF field")
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aFailedFormKeepsWhatWasTypedAndNamesEachProblem(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let page = try await admin.post("/staff/programs/new", [
                "title": "A <b>bold</b> \"title\"", "slug": "Bad Slug", "theme": "", "hostCountry": "MY",
                "startDate": "2027-05-10", "endDate": "2027-05-01", "summary": "Kept summary", "status": "draft",
            ])
            #expect(page.status == .unprocessableEntity)
            let html = page.body.string
            #expect(html.contains("<title>Error: New program"))
            #expect(html.contains("There is a problem"))
            #expect(html.contains("href=\"#f-slug\""))
            #expect(html.contains("href=\"#f-theme\""))
            #expect(html.contains("The end date must be on or after the start date."))
            #expect(html.contains("value=\"Kept summary\""))
            #expect(html.contains("value=\"Bad Slug\""))
            // Typed markup comes back escaped, never as markup.
            #expect(html.contains("A &lt;b&gt;bold&lt;/b&gt; &quot;title&quot;"))
            #expect(!html.contains("<b>bold</b>"))
            #expect(html.contains("aria-invalid=\"true\""))
            // A field only the stored data can refuse (an address in use) is shown beside its field too, in the catalog's words.
            let taken = try await admin.post("/staff/programs/new", [
                "title": "Another program", "slug": "mwp-2006", "theme": "Migrant workers", "hostCountry": "MY",
                "startDate": "2027-05-01", "endDate": "2027-05-10", "summary": "Kept again", "status": "draft",
            ])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.string.contains("href=\"#f-slug\""))
            #expect(taken.body.string.contains("Another program already uses the address mwp-2006. Choose another."))
            #expect(taken.body.string.contains("value=\"Kept again\""))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerEditsTheirProgramAndThePublicPageFollows(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let visitor = Browser(app)
            #expect(try await visitor.get("/programs/mwp-2017-18").body.string.contains("Migrant Workers Program"))
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let form = try await manager.get("/staff/programs/mwp-2017-18")
            #expect(!form.body.string.contains("Delete this program"))
            let saved = try await manager.post("/staff/programs/mwp-2017-18", [
                "title": "Renamed Program", "slug": "mwp-2017-18", "theme": "Rights of migrant workers", "hostCountry": "MY",
                "startDate": "2017-08-14", "endDate": "2018-09-14", "summary": "New summary.", "description": "One.\n\nTwo.",
                "status": "completed",
            ])
            #expect(saved.status == .seeOther)
            #expect(try await manager.get("/staff/programs/mwp-2017-18").body.string.contains("Your changes are saved."))
            let page = try await visitor.get("/programs/mwp-2017-18").body.string
            #expect(page.contains("Renamed Program"))
            #expect(page.contains("New summary."))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func modulesCountriesAndPartnersCanBeAddedAndRemoved(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let outside = try await manager.post("/staff/programs/mwp-2017-18/modules", [
                "number": "6", "title": "Follow-up", "startDate": "2019-01-01", "endDate": "2019-01-02", "city": "Kuala Lumpur",
                "country": "MY", "format": "in_person",
            ])
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("A module must fall within the program"))
            // The venue's time zone is chosen from the list; anything else is refused beside its field.
            let noZone = try await manager.post("/staff/programs/mwp-2017-18/modules", [
                "number": "6", "title": "Online follow-up", "startDate": "2018-09-14", "endDate": "2018-09-14",
                "city": "", "country": "", "format": "online", "timeZone": "Mars/Olympus_Mons",
            ])
            #expect(noZone.status == .unprocessableEntity)
            #expect(noZone.body.string.contains("href=\"#f-timeZone\"") && noZone.body.string.contains("value=\"Online follow-up\""))
            let added = try await manager.post("/staff/programs/mwp-2017-18/modules", [
                "number": "6", "title": "Online follow-up", "startDate": "2018-09-14", "endDate": "2018-09-14",
                "city": "", "country": "", "format": "online", "timeZone": "Asia/Kuala_Lumpur",
            ])
            #expect(added.status == .seeOther)
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2017-18"))
            let sixth = try #require(try await ProgramStore(db: app.persistence).detail(slug: program.slug)?.modules.first { $0.number == 6 })
            #expect(sixth.timeZone == "Asia/Kuala_Lumpur")
            #expect(try await Browser(app).get("/programs/mwp-2017-18").body.string.contains("Module 6: Online follow-up"))

            #expect(try await manager.post("/staff/programs/mwp-2017-18/countries", ["country": "LK", "role": "origin"]).status == .seeOther)
            let duplicate = try await manager.post("/staff/programs/mwp-2017-18/countries", ["country": "LK", "role": "origin"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(try await manager.post("/staff/programs/mwp-2017-18/countries/LK/remove").status == .seeOther)
            #expect(!(try await Browser(app).get("/programs/mwp-2017-18").body.string.contains("Sri Lanka")))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func anAdministratorCreatesAnAccountThatCanSignIn(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let created = try await admin.post("/staff/accounts/new", ["email": "Reviewer@Example.org", "name": "Rina Reviewer", "platformRole": "member"])
            #expect(created.status == .ok)
            let html = created.body.string
            #expect(html.contains("One-time password"))
            let password = try #require(html.range(of: #"<code>([a-z2-9]{5}-){3}[a-z2-9]{5}</code>"#, options: .regularExpression)
                .map { String(html[$0].dropFirst(6).dropLast(7)) })
            let duplicate = try await admin.post("/staff/accounts/new", ["email": "reviewer@example.org", "name": "Again", "platformRole": "member"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("already exists"))
            let reviewer = Browser(app)
            #expect(try await reviewer.signIn("reviewer@example.org", password).status == .seeOther)
            // The administrator knows this password: nothing opens until its owner chooses one.
            let held = try await reviewer.get("/staff")
            #expect(held.status == .seeOther && held.headers.first(name: .location) == "/staff/password")
            #expect(try await reviewer.get("/staff/tokens").headers.first(name: .location) == "/staff/password")
            let elsewhere = Browser(app)
            _ = try await elsewhere.signIn("reviewer@example.org", password)
            let wrong = try await reviewer.post("/staff/password", ["current": "not-it", "password": "a new long passphrase", "confirm": "a new long passphrase"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Enter your current password"))
            let mismatch = try await reviewer.post("/staff/password", ["current": password, "password": "a new long passphrase", "confirm": "another"])
            #expect(mismatch.status == .unprocessableEntity && mismatch.body.string.contains("same new password twice"))
            // A wrong current password counts like a wrong sign-in: the sixth in a row is not even checked.
            for attempt in 1...5 {
                let guess = try await reviewer.post("/staff/password", ["current": "guess \(attempt)", "password": "a new long passphrase", "confirm": "a new long passphrase"])
                #expect(guess.status == .unprocessableEntity)
            }
            let throttled = try await reviewer.post("/staff/password", ["current": password, "password": "a new long passphrase", "confirm": "a new long passphrase"])
            #expect(throttled.status == .tooManyRequests && throttled.body.string.contains("Too many wrong passwords"))
            try await (app.db as! any SQLDatabase).raw("DELETE FROM sign_in_failures").run()
            let changed = try await reviewer.post("/staff/password", ["current": password, "password": "a new long passphrase", "confirm": "a new long passphrase"])
            #expect(changed.status == .seeOther)
            // Without a program role the staff home says whom to ask, and shows nothing else.
            let home = try await reviewer.get("/staff")
            #expect(home.status == .ok && home.body.string.contains("You do not hold a role in any program yet"))
            #expect(!home.body.string.contains("/staff/programs/"))
            #expect(try await reviewer.get("/staff/password").status == .ok)
            // The other session ended; the one-time password no longer opens the account.
            #expect(try await elsewhere.get("/staff").status == .seeOther)
            #expect(try await elsewhere.get("/staff").headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            #expect(try await Browser(app).signIn("reviewer@example.org", password).status == .unauthorized)
            #expect(try await Browser(app).signIn("reviewer@example.org", "a new long passphrase").status == .seeOther)
        }
    }

    @Test func anAdministratorCannotDemoteThemselves() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let account = try #require(try await AccountStore(db: app.persistence).credentials(email: Demo.admin.0)?.account)
            let page = try await admin.post("/staff/accounts/\(account.id.uuidString.lowercased())",
                                            ["name": "Demo Administrator", "platformRole": "member", "isActive": "on"])
            #expect(page.status == .unprocessableEntity)
            #expect(try await admin.get("/staff/accounts").status == .ok)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func deletingAProgramRemovesItsPublicPage(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            #expect(try await Browser(app).get("/programs/mwp-2006").status == .ok)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await admin.get("/staff/programs/mwp-2006").body.string.contains("Delete this program"))
            #expect(try await admin.post("/staff/programs/mwp-2006/delete").status == .seeOther)
            #expect(try await Browser(app).get("/programs/mwp-2006").status == .notFound)
            // A delete is a POST: a GET on the same address is not a route.
            #expect(try await admin.get("/staff/programs/mwp-2017-18/delete").status == .notFound)
        }
    }

    @Test func listsSortAndPaginate() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let store = OrganisationStore(db: app.persistence)
            for index in 0..<30 {
                try await store.create(Organisation(id: UUID(), name: String(format: "Zeta %02d", index), acronym: nil,
                                                    country: nil, kind: .ngo), now: app.wallClock.now)
            }
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let first = try await admin.get("/staff/organisations?sort=name&dir=desc&page=1").body.string
            #expect(first.contains("35 organisations"))
            #expect(first.contains("Zeta 29"))
            #expect(first.contains("aria-sort=\"descending\""))
            #expect(first.contains("rel=\"next\""))
            let second = try await admin.get("/staff/organisations?sort=name&dir=desc&page=2").body.string
            #expect(second.contains("Diplomacy Training Program"))
            #expect(!second.contains("Zeta 29"))
        }
    }
}
