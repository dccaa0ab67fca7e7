import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Participants', facilitators' and resource persons' sign-in links and their own pages, as a
/// browser meets them and as someone guessing addresses, links and feeds does.
@Suite struct PersonSignInTests {
    static let participant = DemoCatalog.participantEmail(6)
    static let facilitator = DemoCatalog.facilitatorEmail(key: "lead")

    /// The newest sign-in link emailed to `email`.
    static func emailedLink(_ app: Application, to email: String) async throws -> String? {
        guard let body = try await OutboxStore(db: app.persistence).messages(to: email).first?.body else { return nil }
        return body.range(of: #"/me/sign-in/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(body[$0]) }
    }

    /// Asks for a link as the form does, opens it and presses the button; the response to the press.
    static func signIn(_ browser: Browser, _ email: String) async throws -> TestingHTTPResponse {
        let form = try await browser.get("/me/sign-in")
        #expect(form.body.string.contains(#"name="email""#))
        let sent = try await browser.post("/me/sign-in", ["email": email])
        #expect(sent.status == .ok)
        let link = try #require(try await emailedLink(browser.app, to: email))
        let page = try await browser.get(link)
        #expect(page.status == .ok)
        #expect(page.body.string.contains(#"action="\#(link)""#))
        return try await browser.post(link)
    }

    @Test(arguments: TestDatabaseKind.all)
    func aParticipantSignsInWithALinkThatWorksOnce(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            #expect(try await browser.get("/me").headers.first(name: .location) == "/me/sign-in")
            let signedIn = try await Self.signIn(browser, Self.participant)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == "/me")
            let cookie = try #require(browser.lastSetCookies.first { $0.hasPrefix("cohort-person=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let home = try await browser.get("/me")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Maria Liza Santos"))
            #expect(home.body.string.contains("2006 Migrant Workers Program"))
            // The same link a second time, in another browser: spent.
            let link = try #require(try await Self.emailedLink(app, to: Self.participant))
            let other = Browser(app)
            #expect(try await other.get(link).status == .gone)
            _ = try await other.get("/me/sign-in")
            #expect(try await other.post(link).status == .gone)
            #expect(try await other.get("/me").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aLinkExpires(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let start = Date()
            app.wallClock = .fixed(start)
            let browser = Browser(app)
            _ = try await browser.get("/me/sign-in")
            _ = try await browser.post("/me/sign-in", ["email": Self.participant])
            let link = try #require(try await Self.emailedLink(app, to: Self.participant))
            app.wallClock = .fixed(start.addingTimeInterval(app.cohortConfig.personLinkLifetime + 1))
            #expect(try await browser.get(link).status == .gone)
            #expect(try await browser.post(link).status == .gone)
            app.wallClock = .fixed(start.addingTimeInterval(app.cohortConfig.personLinkLifetime - 60))
            #expect(try await browser.post(link).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func anUnknownAddressGetsTheSameAnswerAndNoMessage(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/me/sign-in")
            let known = try await browser.post("/me/sign-in", ["email": Self.participant])
            let unknown = try await browser.post("/me/sign-in", ["email": "nobody@example.org"])
            #expect(known.status == .ok && unknown.status == .ok)
            let answer = { (body: String) in body.replacingOccurrences(of: Self.participant, with: "X").replacingOccurrences(of: "nobody@example.org", with: "X") }
            #expect(answer(known.body.string) == answer(unknown.body.string))
            #expect(try await OutboxStore(db: app.persistence).messages(to: "nobody@example.org").isEmpty)
            // An applicant who never got a place is not a participant: no link either.
            let applicant = try await browser.post("/me/sign-in", ["email": "participant40@demo.cohort.example"])
            #expect(applicant.status == .ok)
            #expect(try await OutboxStore(db: app.persistence).messages(to: "participant40@demo.cohort.example").isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func hostileInputGetsAClearAnswer(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/me/sign-in")
            for email in ["", "not-an-address", String(repeating: "a", count: 300) + "@example.org", "a@b.c\u{202E}", "' OR 1=1 --@x.org"] {
                let answer = try await browser.post("/me/sign-in", ["email": email])
                #expect(answer.status == .unprocessableEntity, "\(email)")
                #expect(answer.body.string.contains("error-summary"))
            }
            for token in ["x", String(repeating: "A", count: 43), String(repeating: "z", count: 5_000), "..%2F..%2Fetc", "%00"] {
                #expect(try await browser.get("/me/sign-in/\(token)").status.code >= 400, "\(token)")
                #expect(try await browser.post("/me/sign-in/\(token)").status.code >= 400, "\(token)")
            }
            // Without the form's token nothing is sent.
            let forged = Browser(app)
            #expect(try await forged.post("/me/sign-in", ["email": Self.participant], csrf: false).status == .forbidden)
            #expect(try await OutboxStore(db: app.persistence).messages(to: Self.participant).isEmpty)
            for path in ["/calendars/\(String(repeating: "0", count: 64))/sessions.ics", "/calendars/1e300/sessions.ics", "/me/programs/mwp-2006/agenda"] {
                #expect(try await browser.get(path).status.code >= 300, "\(path)")
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func linksPerAddressAreLimited(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/me/sign-in")
            var statuses: [HTTPStatus] = []
            for _ in 0..<5 { statuses.append(try await browser.post("/me/sign-in", ["email": Self.participant]).status) }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            #expect(try await OutboxStore(db: app.persistence).messages(to: Self.participant).count == 3)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theHomeKeepsTheNameAndTheCalendarAddress(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            _ = try await Self.signIn(browser, Self.participant)
            let bad = try await browser.post("/me/name", ["certificateName": "Maria\nSantos"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Maria\nSantos"))
            let saved = try await browser.post("/me/name", ["certificateName": "  María Liza B. Santos "])
            #expect(saved.headers.first(name: .location) == "/me?done=name")
            let home = try await browser.get("/me?done=name").body.string
            #expect(home.contains(#"value="María Liza B. Santos""#))
            #expect(home.contains("Your name for certificates is saved."))
            let feed = try #require(home.range(of: #"/calendars/[0-9a-f]{64}/sessions\.ics"#, options: .regularExpression).map { String(home[$0]) })
            let calendar = try await browser.get(feed)
            #expect(calendar.status == .ok)
            #expect(calendar.headers.contentType?.description.hasPrefix("text/calendar") == true)
            // Participants' sessions are in the personal feed, not the public one.
            let personal = calendar.body.string.components(separatedBy: "BEGIN:VEVENT").count - 1
            let open = try await Browser(app).get("/programs/mwp-2006/agenda.ics").body.string.components(separatedBy: "BEGIN:VEVENT").count - 1
            #expect(personal == 40 && open == 38)
            // The same address on every visit, until a new one is made; then the old one is gone.
            #expect(try await browser.get("/me").body.string.contains(feed))
            #expect(try await browser.post("/me/calendar").status == .seeOther)
            #expect(try await Browser(app).get(feed).status == .notFound)
            #expect(!(try await browser.get("/me").body.string.contains(feed)))
            // Signed out, the cookie is spent too.
            let cookie = try #require(browser.cookies["cohort-person"])
            #expect(try await browser.post("/me/sign-out").headers.first(name: .location) == "/me/sign-in?out=1")
            let replay = Browser(app)
            replay.set(cookie: "cohort-person", cookie)
            #expect(try await replay.get("/me").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aFacilitatorSeesTheirSessionsAndEachPersonOnlyTheirPrograms(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let facilitator = Browser(app)
            _ = try await Self.signIn(facilitator, Self.facilitator)
            let home = try await facilitator.get("/me").body.string
            #expect(home.contains("Sessions you speak in"))
            #expect(home.contains("Opening and introductions"))
            let agenda = try await facilitator.get("/me/programs/mwp-2006/agenda")
            #expect(agenda.status == .ok)
            #expect(agenda.body.string.contains("You speak"))
            #expect(agenda.body.string.contains("Participants only"))
            // Not in the 2017/18 program: its agenda is not theirs to read.
            #expect(try await facilitator.get("/me/programs/mwp-2017-18/agenda").status == .notFound)
            // A staff session does not make someone a participant.
            let staff = Browser(app)
            _ = try await staff.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await staff.get("/me").status == .seeOther)
        }
    }

    /// A participant who follows an agenda link while signed out signs in and lands on that
    /// agenda, through the form, the emailed link and its button; nothing but Cohort's own
    /// person pages is ever a destination.
    @Test(arguments: TestDatabaseKind.all)
    func signingInLeadsBackToThePageAskedFor(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            // Someone who takes the staff sign-in for theirs is pointed to the link.
            #expect(try await browser.get("/sign-in").body.string.contains(#"href="/me/sign-in">Get a sign-in link by email</a>"#))
            let asked = try await browser.get("/me/programs/mwp-2006/agenda")
            #expect(asked.status == .seeOther)
            #expect(asked.headers.first(name: .location) == "/me/sign-in?next=%2Fme%2Fprograms%2Fmwp%2D2006%2Fagenda")
            let form = try await browser.get(try #require(asked.headers.first(name: .location)))
            #expect(form.body.string.contains(#"<input type="hidden" name="next" value="/me/programs/mwp-2006/agenda">"#))
            #expect(try await browser.post("/me/sign-in", ["email": Self.participant, "next": "/me/programs/mwp-2006/agenda"]).status == .ok)
            let body = try #require(try await OutboxStore(db: app.persistence).messages(to: Self.participant).first?.body)
            let link = try #require(body.range(of: #"/me/sign-in/[A-Za-z0-9_-]+\?next=[A-Za-z0-9%]+"#, options: .regularExpression).map { String(body[$0]) })
            let page = try await browser.get(link)
            #expect(page.body.string.contains("action=\"\(link)\""))
            let signedIn = try await browser.post(link)
            #expect(signedIn.headers.first(name: .location) == "/me/programs/mwp-2006/agenda")
            #expect(try await browser.get("/me/programs/mwp-2006/agenda").status == .ok)

            for hostile in ["https://evil.example/", "//evil.example", "/me/../staff", "/staff/programs", "/me//x", "/ME",
                            "/me\r\nSet-Cookie:x=1", "/sessions/not-a-uuid/attendance", String(repeating: "/me", count: 100)] {
                #expect(ReturnPath.validated(hostile) == nil, "\(hostile)")
            }
            #expect(ReturnPath.validated("/sessions/\(UUID().uuidString.lowercased())/attendance") != nil)
            // A hostile destination in the link is ignored: the person lands on their own page.
            let other = Browser(app)
            _ = try await other.post("/me/sign-in", ["email": Self.facilitator, "next": "https://evil.example/"])
            let plain = try #require(try await Self.emailedLink(app, to: Self.facilitator))
            #expect(try await other.post(plain + "?next=%2F%2Fevil.example").headers.first(name: .location) == "/me")
        }
    }
}
