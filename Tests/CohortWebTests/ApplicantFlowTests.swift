import CohortCore
import CohortStore
import CohortTestSupport
import Fluent
import SQLKit
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ApplicantFlowTests {
    static func openCallID(_ app: Application) async throws -> UUID {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: DemoCatalog.openCallSlug))
        return try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first?.id)
    }

    static func start(_ browser: Browser, callID: UUID, email: String, language: String = "en") async throws -> TestingHTTPResponse {
        _ = try await browser.get("/calls/\(callID.uuidString.lowercased())")
        return try await browser.post("/calls/\(callID.uuidString.lowercased())/start", ["email": email, "language": language])
    }

    /// The newest private link emailed to `email` (the only place a link ever goes).
    static func emailedLink(_ app: Application, to email: String) async throws -> String {
        let body = try #require(try await OutboxStore(db: app.persistence).messages(to: EmailAddress.normalise(email)).first?.body)
        return try #require(body.range(of: #"/apply/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(body[$0]) })
    }

    /// Starts an application and opens the emailed link in the same browser, as an applicant
    /// does; the application's path.
    static func startAndOpen(_ browser: Browser, callID: UUID, email: String, language: String = "en") async throws -> String {
        let sent = try await start(browser, callID: callID, email: email, language: language)
        #expect(sent.status == .ok)
        let opened = try await browser.get(try await emailedLink(browser.app, to: email))
        #expect(opened.status == .seeOther)
        return try #require(opened.headers.first(name: .location))
    }

    @Test(arguments: TestDatabaseKind.all)
    func theCallPageSpeaksTheApplicantsLanguage(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let path = "/calls/\(try await Self.openCallID(app).uuidString.lowercased())"
            let english = try await Browser(app).get(path)
            #expect(english.status == .ok)
            #expect(english.body.string.contains("<html lang=\"en\">"))
            #expect(english.body.string.contains("Start your application"))
            #expect(english.body.string.contains("Malaysia Time") || english.body.string.contains("MYT"))
            // The reader's own zone is added by a small same-origin script, from the exact moment.
            #expect(english.body.string.contains("data-zone=\"Asia/Kuala_Lumpur\""))
            #expect(english.body.string.contains("data-label=\"In your time zone:\""))
            #expect(english.body.string.contains("<script src=\"/static/localtime.js?v="))
            for name in ["Bahasa Melayu", "नेपाली", "বাংলা", "ខ្មែរ", "Filipino", "Bahasa Indonesia"] {
                #expect(english.body.string.contains(name), "switcher lacks \(name)")
            }
            let browser = Browser(app)
            let malay = try await browser.get(path + "?lang=ms")
            #expect(malay.body.string.contains("<html lang=\"ms\">"))
            #expect(malay.body.string.contains("Mulakan permohonan anda"))
            // The choice sticks for the next page.
            #expect(try await browser.get(path).body.string.contains("Mulakan permohonan anda"))
            let khmer = try await Browser(app).get(path, headers: ["Accept-Language": "km-KH,km;q=0.9"])
            #expect(khmer.body.string.contains("ចាប់ផ្ដើមពាក្យស្នើសុំរបស់អ្នក"))
            // Question labels with no Khmer wording fall back to English, never to a key.
            #expect(!khmer.body.string.contains("start.heading"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func anApplicantStartsFillsInAndSubmitsOnce(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let bad = try await Self.start(applicant, callID: callID, email: "not an email")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"not an email\""))
            #expect(bad.body.string.contains("Enter an email address like name@example.org."))

            let started = try await Self.start(applicant, callID: callID, email: "Siti@Example.org")
            #expect(started.status == .ok)
            #expect(started.body.string.contains("Check your email"))
            #expect(!started.body.string.contains("/apply/"))
            #expect(!applicant.lastSetCookies.contains { $0.contains("cohort-applicant=") })
            let opened = try await applicant.get(try await Self.emailedLink(app, to: "siti@example.org"))
            let path = try #require(opened.headers.first(name: .location))
            let messages = try await OutboxStore(db: app.persistence).messages(to: "siti@example.org")
            #expect(messages.count == 1)
            #expect(messages[0].subject == "Your link")
            #expect(!messages[0].subject.contains("Migrant") && !messages[0].body.contains("Migrant"))
            #expect(messages[0].body.contains("/apply/"))

            // An invalid section is saved anyway and comes back with the values and messages.
            let invalid = try await applicant.post(path + "/sections/1", ["full_name": "Siti Aminah", "nationality": "MY", "residence": "MY",
                                                                          "sector": "ngo", "years_experience": "many"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("Enter a number, like 5."))
            #expect(invalid.body.string.contains("value=\"many\""))
            #expect(try await applicant.get(path + "/sections/1").body.string.contains("value=\"Siti Aminah\""))

            #expect(try await applicant.post(path + "/sections/1", ["full_name": "Siti Aminah", "nationality": "MY", "residence": "MY",
                                                                    "sector": "ngo", "years_experience": "6", "gender": "woman"]).status == .seeOther)
            let early = try await applicant.post(path + "/submit")
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Some answers are missing or need correcting"))

            #expect(try await applicant.post(path + "/sections/2", ["works_with_migrants": "yes", "focus__domestic_work": "on",
                                                                    "focus__justice": "on", "work_description": "Shelter and legal aid."]).status == .seeOther)
            let third = try await applicant.post(path + "/sections/3", ["attend_all": "yes", "expectations": "Skills for advocacy."])
            #expect(third.headers.first(name: .location) == path + "/review")
            let review = try await applicant.get(path + "/review").body.string
            #expect(review.contains("Domestic work, Access to justice"))
            #expect(review.contains("Siti Aminah"))

            let submitted = try await applicant.post(path + "/submit")
            #expect(submitted.headers.first(name: .location) == path + "/receipt")
            let receipt = try await applicant.get(path + "/receipt").body.string
            #expect(receipt.contains("MWPNEXT-0001"))
            // A second click lands on the same receipt and sends nothing more.
            #expect(try await applicant.post(path + "/submit").headers.first(name: .location) == path + "/receipt")
            let all = try await OutboxStore(db: app.persistence).messages(to: "siti@example.org")
            #expect(all.filter { $0.subject == "Your receipt" }.count == 1)
            #expect(all.first { $0.subject == "Your receipt" }?.body.contains("MWPNEXT-0001") == true)
            #expect(try await ApplicationStore(db: app.persistence).count(callID: callID, status: .submitted) == 1)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func startingAgainNeverShowsAnotherPersonsLink(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            let owner = Browser(app)
            let path = try await Self.startAndOpen(owner, callID: callID, email: "owner@example.org")
            let stranger = Browser(app)
            let again = try await Self.start(stranger, callID: callID, email: "owner@example.org")
            #expect(again.status == .ok)
            #expect(again.body.string.contains("Check your email"))
            #expect(!again.body.string.contains("/apply/"))
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await OutboxStore(db: app.persistence).messages(to: "owner@example.org").count == 2)
            #expect(try await ApplicationStore(db: app.persistence).count(callID: callID) == 1)
            // The new link retired the owner's first one: their page now says so and leads to a new link.
            let retired = try await owner.get(path)
            #expect(retired.status == .gone)
            #expect(retired.body.string.contains("This link no longer works"))
            #expect(retired.body.string.contains("href=\"/calls/\(callID.uuidString.lowercased())\""))
            #expect(try await owner.get(try await Self.emailedLink(app, to: "owner@example.org")).status == .seeOther)
            #expect(try await owner.get(path).status == .ok)
        }
    }

    /// Known or not, an address gets the same page, the same status and the same cookies.
    @Test(arguments: TestDatabaseKind.all)
    func startingTellsNobodyWhetherAnAddressHasApplied(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            _ = try await Self.startAndOpen(Browser(app), callID: callID, email: "known@example.org")
            func answer(_ email: String) async throws -> (HTTPStatus, String, [String]) {
                let browser = Browser(app)
                let response = try await Self.start(browser, callID: callID, email: email)
                let cookies = browser.lastSetCookies.compactMap { $0.split(separator: "=").first.map(String.init) }.sorted()
                return (response.status, response.body.string.replacingOccurrences(of: email, with: "EMAIL")
                    .replacingOccurrences(of: #"name="csrf" value="[^"]*""#, with: "", options: .regularExpression), cookies)
            }
            let known = try await answer("known@example.org")
            let unknown = try await answer("unknown@example.org")
            #expect(known.0 == unknown.0)
            #expect(known.1 == unknown.1)
            #expect(known.2 == unknown.2)
            // Through the API too: 202 and the same body.
            for email in ["known@example.org", "unknown-api@example.org"] {
                let response = try await app.sendRequest(.POST, "/api/v1/calls/\(callID.uuidString.lowercased())/applications",
                                                         headers: ["Content-Type": "application/json"],
                                                         body: ByteBuffer(string: #"{"email":"\#(email)"}"#))
                #expect(response.status == .accepted)
                #expect(response.body.string == #"{"linkSentByEmail":true}"#)
            }
        }
    }

    /// A person's inbox gets at most three links an hour, and one client at most thirty starts.
    @Test(arguments: TestDatabaseKind.all)
    func startsAreLimitedPerAddressAndPerClient(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            for _ in 1...3 { #expect(try await Self.start(Browser(app), callID: callID, email: "flood@example.org").status == .ok) }
            let refused = try await Self.start(Browser(app), callID: callID, email: "flood@example.org")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: .retryAfter) == "3600")
            #expect(refused.body.string.contains("Several links have already been sent to this address"))
            #expect(refused.body.string.contains("value=\"flood@example.org\""))
            #expect(try await OutboxStore(db: app.persistence).messages(to: "flood@example.org").count == 3)
            // Each start is counted before it is decided: of parallel starts, never more than the limit get through
            // (fewer may: each refused one counts too).
            let results = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 1...8 {
                    group.addTask { try await Self.start(Browser(app), callID: callID, email: "burst@example.org").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == .ok }.count <= 3)
            #expect(results.filter { $0 == .tooManyRequests }.count >= 5)
            #expect(try await OutboxStore(db: app.persistence).messages(to: "burst@example.org").count == results.filter { $0 == .ok }.count)
            // One client (every test request comes from the same address) gets thirty starts an hour.
            var statuses: [HTTPStatus] = []
            for index in 1...30 { statuses.append(try await Self.start(Browser(app), callID: callID, email: "p\(index)@example.org").status) }
            #expect(statuses.last == .tooManyRequests)
            #expect(try await Self.start(Browser(app), callID: callID, email: "one-more@example.org").body.string
                .contains("Many applications have been started from this connection"))
        }
    }

    /// A link unused for longer than links live stops working, and each use renews it.
    @Test(arguments: TestDatabaseKind.all)
    func privateLinksExpireWhenUnused(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let path = try await Self.startAndOpen(applicant, callID: callID, email: "idle@example.org")
            let link = try await Self.emailedLink(app, to: "idle@example.org")
            let sql = try #require(app.db as? any SQLDatabase)
            // Last used 89 days ago: it still works, and using it renews it.
            try await sql.raw("UPDATE application_tokens SET last_used_at = \(bind: Date().addingTimeInterval(-89 * 86_400))").run()
            #expect(try await applicant.get(path).status == .ok)
            struct Used: Decodable { let last_used_at: Date }
            let renewed = try #require(try await sql.raw("SELECT last_used_at FROM application_tokens").first(decoding: Used.self))
            #expect(renewed.last_used_at > Date().addingTimeInterval(-60))
            // Unused for 91 days: the page, the link and the API say it no longer works.
            try await sql.raw("UPDATE application_tokens SET last_used_at = \(bind: Date().addingTimeInterval(-91 * 86_400))").run()
            let page = try await applicant.get(path)
            #expect(page.status == .gone)
            #expect(page.body.string.contains("not been used for 90 days"))
            #expect(try await Browser(app).get(link).status == .gone)
            let token = String(link.dropFirst("/apply/".count))
            let api = try await app.sendRequest(.GET, "/api/v1" + path, headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .unauthorized)
            #expect(api.body.string.contains("no longer works"))
            // Asking again sends a link that works; the answers were kept.
            let again = try await Self.startAndOpen(applicant, callID: callID, email: "idle@example.org")
            #expect(again == path)
            #expect(try await applicant.get(path).status == .ok)
        }
    }

    @Test func theEmailedLinkOpensTheApplicationOnAnotherDevice() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let callID = try await Self.openCallID(app)
            let path = try await Self.startAndOpen(Browser(app), callID: callID, email: "phone@example.org", language: "ne")
            let body = try #require(try await OutboxStore(db: app.persistence).messages(to: "phone@example.org").first?.body)
            #expect(body.contains("नमस्ते"))
            let link = try #require(body.range(of: #"/apply/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(body[$0]) })
            let phone = Browser(app)
            let opened = try await phone.get(link)
            #expect(opened.status == .seeOther)
            #expect(opened.headers.first(name: .location) == path)
            let page = try await phone.get(path)
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(page.body.string.contains("<html lang=\"ne\">"))
            #expect(try await Browser(app).get("/apply/not-a-real-token").status == .notFound)
        }
    }

    @Test func aClosedCallKeepsTheDraftButRefusesTheSubmission() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let path = try await Self.startAndOpen(applicant, callID: callID, email: "late@example.org")
            _ = try await applicant.post(path + "/sections/1", ["full_name": "Late Applicant"])
            // The deadline (plus grace) passes.
            guard let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("UPDATE calls SET closes_at = \(bind: Date().addingTimeInterval(-7200)) WHERE id = \(bind: callID)").run()
            let refused = try await applicant.post(path + "/submit")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("closed on"))
            #expect(try await ApplicationStore(db: app.persistence).count(callID: callID, status: .draft) == 1)
            let page = try await Browser(app).get("/calls/\(callID.uuidString.lowercased())").body.string
            #expect(page.contains("This call closed on"))
            #expect(!page.contains("Start application"))
            // A start posted to the closed call makes no draft, for a known or an unknown address.
            for email in ["late@example.org", "someone-new@example.org"] {
                let start = try await Self.start(Browser(app), callID: callID, email: email)
                #expect(start.status == .unprocessableEntity)
                #expect(start.body.string.contains("This call closed on"))
            }
            #expect(try await ApplicationStore(db: app.persistence).count(callID: callID, status: .draft) == 1)
        }
    }

    /// The call page is drawn once and kept, but every visitor's form carries their own CSRF
    /// token: a new visitor gets a new one, a returning visitor keeps theirs, and no page holds
    /// the placeholder or another visitor's token. A change to the call shows at once.
    @Test(arguments: TestDatabaseKind.all)
    func theKeptCallPageGivesEachVisitorTheirOwnToken(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            let path = "/calls/\(callID.uuidString.lowercased())"
            func token(in page: String) throws -> String {
                let range = try #require(page.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression))
                return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
            }
            let first = Browser(app), second = Browser(app)
            let firstPage = try await first.get(path).body.string
            let secondPage = try await second.get(path).body.string
            #expect(!firstPage.contains(CSRFMiddleware.placeholder) && !secondPage.contains(CSRFMiddleware.placeholder))
            let firstToken = try token(in: firstPage), secondToken = try token(in: secondPage)
            #expect(firstToken == first.csrf)
            #expect(secondToken == second.csrf)
            #expect(firstToken != secondToken)
            // Returning: the same token again, and the start form it holds is taken.
            #expect(try token(in: try await first.get(path).body.string) == firstToken)
            let started = try await first.post(path + "/start", ["email": "kept-page@example.org", "language": "en"])
            #expect(started.status == .ok)
            // The call changes: the page says so at once.
            let store = CallStore(db: app.persistence)
            let loaded = try #require(try await store.load(callID))
            var renamed = loaded.call
            renamed.title = LocalizedText(english: "A renamed call")
            try await store.update(renamed, rules: loaded.rules, now: app.wallClock.now)
            #expect(try await Browser(app).get(path).body.string.contains("A renamed call"))
        }
    }

    /// Every section of the demo form answered in full, as a browser posts them.
    static let completeAnswers: [[String: String]] = [
        ["full_name": "On Time", "nationality": "MY", "residence": "MY", "sector": "ngo", "years_experience": "4", "gender": "woman"],
        ["works_with_migrants": "yes", "focus__justice": "on", "work_description": "Legal aid."],
        ["attend_all": "yes", "expectations": "Skills."],
    ]

    /// The deadline judged by the application's clock, at fixed times either side of it: one
    /// minute inside the grace period a submission is taken, one minute after it is refused.
    @Test(arguments: TestDatabaseKind.all)
    func theDeadlineIsJudgedAtTheClocksTime(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.openCallID(app)
            guard let call = try await CallStore(db: app.persistence).load(callID)?.call else { Issue.record("no call"); return }
            let graceEnds = call.closesAt.addingTimeInterval(TimeInterval(call.graceMinutes * 60))
            let onTime = Browser(app), late = Browser(app)
            let onTimePath = try await Self.startAndOpen(onTime, callID: callID, email: "on-time@example.org")
            let latePath = try await Self.startAndOpen(late, callID: callID, email: "too-late@example.org")
            for (browser, path) in [(onTime, onTimePath), (late, latePath)] {
                for (index, fields) in Self.completeAnswers.enumerated() {
                    #expect(try await browser.post(path + "/sections/\(index + 1)", fields).status == .seeOther)
                }
            }
            app.wallClock = .fixed(graceEnds.addingTimeInterval(-60))
            // Drawn and kept while the call takes submissions, the page is not served past the deadline.
            #expect(try await Browser(app).get("/calls/\(callID.uuidString.lowercased())").body.string.contains("name=\"email\""))
            #expect(try await onTime.post(onTimePath + "/submit").status == .seeOther)
            app.wallClock = .fixed(graceEnds.addingTimeInterval(60))
            let refused = try await late.post(latePath + "/submit")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("closed on"))
            #expect(try await ApplicationStore(db: app.persistence).count(callID: callID, status: .submitted) == 1)
            let page = try await Browser(app).get("/calls/\(callID.uuidString.lowercased())").body.string
            #expect(page.contains("This call closed on"))
            #expect(!page.contains("name=\"email\""))
        }
    }

    /// Every token comes from the application's random source: with the same seed two servers
    /// hand out the same CSRF token and email the same private link, with another seed others.
    @Test func tokensComeFromTheInjectedRandomSource() async throws {
        func run(seed: UInt64) async throws -> (csrf: String, link: String) {
            try await withTestApp(.sqlite) { app async throws in
                app.randomness = .seeded(seed)
                let browser = Browser(app)
                let callID = try await Self.openCallID(app)
                #expect(try await Self.start(browser, callID: callID, email: "seeded@example.org").status == .ok)
                return (try #require(browser.csrf), try await Self.emailedLink(app, to: "seeded@example.org"))
            }
        }
        let first = try await run(seed: 42), again = try await run(seed: 42), other = try await run(seed: 43)
        #expect(first.csrf == again.csrf && first.link == again.link)
        #expect(first.csrf != other.csrf && first.link != other.link)
        #expect(first.csrf != first.link)
    }

    @Test func theAutosaveScriptSavesWithoutLeavingThePage() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let path = try await Self.startAndOpen(applicant, callID: callID, email: "auto@example.org")
            let page = try await applicant.get(path + "/sections/1").body.string
            #expect(page.contains("data-autosave"))
            #expect(page.contains("/static/autosave.js"))
            let saved = try await applicant.post(path + "/sections/1", ["full_name": "Half typed", "action": "autosave"])
            #expect(saved.status == .noContent)
            let id = try #require(UUID(uuidString: String(path.dropFirst("/applications/".count))))
            #expect(try await ApplicationStore(db: app.persistence).find(id)?.answers["full_name"] == .text("Half typed"))
        }
    }

    @Test func anApplicantCanWithdraw() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let path = try await Self.startAndOpen(applicant, callID: callID, email: "w@example.org")
            #expect(try await applicant.post(path + "/withdraw").status == .seeOther)
            #expect(try await applicant.get(path).body.string.contains("You have withdrawn this application."))
            #expect(try await applicant.post(path + "/submit").status == .unprocessableEntity)
        }
    }

    @Test func applicantPagesAreSmall() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let callID = try await Self.openCallID(app)
            let applicant = Browser(app)
            let path = try await Self.startAndOpen(applicant, callID: callID, email: "s@example.org")
            let css = try await applicant.get("/static/cohort.css").body.readableBytes
            let script = try await applicant.get("/static/autosave.js").body.readableBytes
            #expect(script < 3_000)
            for page in ["/calls/\(callID.uuidString.lowercased())", path, path + "/sections/1", path + "/review"] {
                let html = try await applicant.get(page)
                #expect(html.status == .ok)
                // Uncompressed, HTML, stylesheet and script together stay far below the 30 KB compressed budget.
                #expect(html.body.readableBytes + css + script < 60_000, "\(page): \(html.body.readableBytes) bytes")
                #expect(!html.body.string.contains("<script>"), "no inline script")
                #expect(!html.body.string.contains("http://") && !html.body.string.contains("https://"), "no other origin")
            }
        }
    }
}

@Suite struct CatalogTests {
    @Test func everyCatalogHasEveryEnglishKey() throws {
        let catalogs = try Catalogs.load()
        for language in Language.allCases {
            #expect(catalogs.missingKeys(in: language).isEmpty, "\(language.rawValue) lacks \(catalogs.missingKeys(in: language).sorted())")
        }
    }

    @Test func everyKeyTheCodeUsesExistsInEnglish() throws {
        let catalogs = try Catalogs.load()
        let english = Set(catalogs.entries[.english]?.keys.map { $0 } ?? [])
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CohortWeb")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        var used = Set<String>()
        let pattern = try NSRegularExpression(pattern: #""((?:common|call|start|link|sent|app|receipt|problem|field|mail|notFound|language|autosave)\.[A-Za-z.]+)""#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = (text as NSString).substring(with: match.range(at: 1))
                if !key.hasSuffix(".js") && !key.hasSuffix(".css") { used.insert(key) }
            }
        }
        #expect(used.count > 40)
        let states = ["app.state.notStarted", "app.state.inProgress", "app.state.complete"]
        #expect(used.subtracting(english).subtracting(["app.state."]).isEmpty, "missing: \(used.subtracting(english).sorted())")
        #expect(Set(states).isSubset(of: english))
    }

    @Test func placeholdersAreFilledAndMissingWordsFallBackToEnglish() throws {
        let catalogs = try Catalogs.load()
        #expect(catalogs.text("receipt.reference", .malay, ["reference": "MWP2017-0042"]) == "Nombor rujukan anda ialah MWP2017-0042")
        let partial = Catalogs(entries: [.english: ["a.b": "English"], .khmer: [:]])
        #expect(partial.text("a.b", .khmer) == "English")
    }

    @Test func eachPlaceholderIsFilledOnceAndUnknownOnesStay() {
        let catalogs = Catalogs(entries: [.english: ["t": "{name} applied to {call} by {date}; {unknown} {"]])
        // A value that looks like a placeholder is kept as typed, whatever the order of the arguments.
        #expect(catalogs.text("t", .english, ["name": "{call}", "call": "MWP", "date": "1 May"])
                == "{call} applied to MWP by 1 May; {unknown} {")
        #expect(catalogs.text("t", .english) == "{name} applied to {call} by {date}; {unknown} {")
    }
}
