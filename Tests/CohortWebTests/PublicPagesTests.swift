import CohortTestSupport
import SQLKit
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct PublicPagesTests {
    @Test(arguments: TestDatabaseKind.all)
    func homeListsBothSeedPrograms(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let page = try await Browser(app).get("/")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("2006 Migrant Workers Program"))
            #expect(html.contains("2017/18 Migrant Workers Program (Modules 1-5) – Malaysia"))
            #expect(html.contains("7–11 April 2006"))
            #expect(html.contains("Sample data"))
            // The 2017/18 program ended later, so it is listed first among past programs.
            let later = try #require(html.range(of: "mwp-2017-18")), earlier = try #require(html.range(of: "mwp-2006"))
            #expect(later.lowerBound < earlier.lowerBound)
        }
    }

    /// Someone who arrives to apply finds the open call first, with its deadline in the call's zone,
    /// on the home page and on the program's page; a call that has closed is listed nowhere.
    @Test(arguments: TestDatabaseKind.all)
    func openCallsAreListedFirstWithTheirDeadline(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await ApplicantFlowTests.openCallID(app)
            let callPath = "/calls/\(callID.uuidString.lowercased())"
            for path in ["/", "/programs/mwp-next"] {
                let html = try await Browser(app).get(path).body.string
                #expect(html.contains("Open calls for applications"), "\(path) lists no open call")
                let link = try #require(html.range(of: "href=\"\(callPath)\""), "\(path) does not link to the call")
                #expect(link.lowerBound < (html.range(of: "<h2>Past programs</h2>")?.lowerBound ?? html.endIndex))
                #expect(link.lowerBound < (html.range(of: "modules-heading")?.lowerBound ?? html.endIndex))
                #expect(html.contains("Malaysia Time") || html.contains("MYT"), "\(path) gives no deadline zone")
            }
            // The 2006 program has no call: its page lists none.
            #expect(!(try await Browser(app).get("/programs/mwp-2006").body.string.contains("Open calls for applications")))
            // Once the call closes the cached pages stop listing it (they are good until the next opening
            // or closing), judged at the application's clock rather than by waiting.
            let closes = app.wallClock.now.addingTimeInterval(3600)
            try await app.persistence.write { sql in
                try sql.run("UPDATE calls SET closes_at = \(bind: closes) WHERE id = \(bind: callID)")
                try sql.run("UPDATE content_versions SET version = version + 1")
            }
            app.wallClock = .fixed(closes.addingTimeInterval(-60))
            #expect(try await Browser(app).get("/").body.string.contains(callPath))
            app.wallClock = .fixed(closes.addingTimeInterval(60))
            for path in ["/", "/programs/mwp-next"] {
                #expect(!(try await Browser(app).get(path).body.string.contains(callPath)), "\(path) still lists a closed call")
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func the2006ProgramPageStatesTheSeedFacts(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let page = try await Browser(app).get("/programs/mwp-2006")
            #expect(page.status == .ok)
            let html = page.body.string
            for fact in ["7–11 April 2006", "Petaling Jaya, Malaysia", "Consultation and training workshop", "Burma",
                         "Countries of origin", "Countries of destination", "<dd>13</dd>", "<dd>32</dd>",
                         "UN Convention on Migrant Workers", "<main id=\"main\""] {
                #expect(html.contains(fact), "missing \(fact)")
            }
            #expect(!html.contains("Myanmar"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func the2017ProgramPageNamesLeadAndPartnersAndMarksIllustrativeModules(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let html = try await Browser(app).get("/programs/mwp-2017-18").body.string
            #expect(html.contains("Diplomacy Training Program (DTP)"))
            #expect(html.contains("Lead organisation"))
            for partner in ["Migrant Forum in Asia (MFA)", "Bar Council Malaysia", "Migrants, Refugees and Immigration Affairs Committee (MRIAC)",
                            "North South Initiative (NSI)", "Migration Working Group (MWG)"] {
                #expect(html.contains(partner), "missing \(partner)")
            }
            #expect(html.contains("Module 5: Shared advocacy strategies"))
            #expect(html.contains("Illustrative"))
            #expect(html.contains("Nepal") && html.contains("Cambodia"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func apiServesPublicFieldsOnly(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            let list = try await browser.get("/api/v1/programs")
            #expect(list.status == .ok)
            #expect(list.headers.contentType == .json)
            struct ListBody: Decodable { struct Item: Decodable { let slug: String; let startDate: String }; let programs: [Item] }
            let programs = try JSONDecoder().decode(ListBody.self, from: Data(list.body.readableBytesView)).programs
            #expect(Set(programs.map(\.slug)) == ["mwp-2006", "mwp-2017-18", "mwp-next"])

            let detail = try await browser.get("/api/v1/programs/mwp-2006")
            struct Detail: Decodable {
                struct Module: Decodable { let number: Int; let city: String?; let country: String?; let startDate: String; let endDate: String }
                struct Country: Decodable { let code: String; let role: String }
                struct Partner: Decodable { let name: String; let role: String }
                let startDate: String; let endDate: String; let hostCountry: String
                let modules: [Module]; let countries: [Country]; let partners: [Partner]
            }
            let body = try JSONDecoder().decode(Detail.self, from: Data(detail.body.readableBytesView))
            #expect(body.startDate == "2006-04-07" && body.endDate == "2006-04-11")
            #expect(body.hostCountry == "MY")
            #expect(body.modules.first?.city == "Petaling Jaya")
            #expect(body.countries.count == 13)
            #expect(!detail.body.string.contains("participants\""))
            #expect(!detail.body.string.contains("Aminah"))

            let missing = try await browser.get("/api/v1/programs/nope")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("\"error\":true"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func draftsAreNotPublic(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let created = try await admin.post("/staff/programs/new", [
                "title": "Draft program", "slug": "draft-program", "theme": "Test", "hostCountry": "MY",
                "startDate": "2027-01-01", "endDate": "2027-01-05", "summary": "Not yet public.", "status": "draft",
            ])
            #expect(created.status == .seeOther)
            let anonymous = Browser(app)
            #expect(try await anonymous.get("/programs/draft-program").status == .notFound)
            #expect(try await anonymous.get("/api/v1/programs/draft-program").status == .notFound)
            #expect(!(try await anonymous.get("/").body.string.contains("Draft program")))
        }
    }

    @Test func healthAndReadiness() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            #expect(try await Browser(app).get("/healthz").status == .ok)
            #expect(try await Browser(app).get("/readyz").status == .ok)
        }
    }

    @Test func stylesheetIsSmallAndCachedForever() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let css = try await Browser(app).get("/static/cohort.css")
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            // Every page loads it: about 12 KB, 3.5 KB compressed, with the survey charts' rules.
            #expect(css.body.readableBytes < 12_800)
        }
    }
}
