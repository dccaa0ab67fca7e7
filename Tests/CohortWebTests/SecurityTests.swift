import CohortTestSupport
import Fluent
import SQLKit
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct SecurityHeaderTests {
    static func checkHeaders(_ response: TestingHTTPResponse) {
        let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
        #expect(csp.contains("default-src 'self'"))
        #expect(csp.contains("object-src 'none'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
        #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
    }

    @Test(arguments: [("/", HTTPStatus.ok), ("/staff", .seeOther), ("/nowhere", .notFound), ("/test-failure", .internalServerError),
                      ("/api/v1/nowhere", .notFound)])
    func everyResponseCarriesTheHeaders(path: String, status: HTTPStatus) async throws {
        try await withTestApp(.sqlite) { app async throws in
            let response = try await Browser(app).get(path)
            #expect(response.status == status)
            Self.checkHeaders(response)
        }
    }

    @Test func signedInPagesAreNeverCached() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            #expect(try await browser.get("/").headers.first(name: .cacheControl) == nil)
            #expect(try await browser.get("/sign-in").headers.first(name: .cacheControl) == "no-store")
            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            for path in ["/staff", "/", "/staff/accounts"] {
                #expect(try await browser.get(path).headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
        }
    }

    @Test func serverErrorsShowARequestIdAndNothingInternal() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let page = try await Browser(app).get("/test-failure")
            #expect(page.status == .internalServerError)
            let html = page.body.string
            #expect(html.contains("Something went wrong on our side"))
            #expect(html.contains("Request id"))
            #expect(html.contains("<title>Error:"))
            #expect(!html.contains("Boom") && !html.contains(".swift") && !html.contains("/work/"))
            let json = try await Browser(app).get("/api/test-failure")
            #expect(json.headers.contentType == .json)
            #expect(json.body.string.contains("\"error\":true"))
            #expect(json.body.string.contains("\"requestId\""))
            #expect(!json.body.string.contains("Boom"))
        }
    }

    @Test func notFoundIsAFriendlyPage() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let page = try await Browser(app).get("/programs/does-not-exist")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("Page not found"))
            #expect(page.body.string.contains("Request id"))
        }
    }
}

@Suite struct CSRFTests {
    @Test(arguments: TestDatabaseKind.all)
    func formsWithoutTheTokenAreRefused(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            #expect(try await browser.post("/sign-in", ["email": Demo.admin.0, "password": Demo.admin.1], csrf: false).status == .forbidden)
            #expect(try await browser.post("/sign-in", ["email": Demo.admin.0, "password": Demo.admin.1, "csrf": "forged"]).status == .forbidden)
            #expect(try await browser.signIn(Demo.admin.0, Demo.admin.1).status == .seeOther)
            let refused = try await browser.post("/staff/organisations/new", ["name": "Sneaky", "kind": "ngo"], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("reload the page"))
            #expect(refused.body.string.contains("This form has expired"))
            // A token from another browser does not help either.
            let other = Browser(app)
            _ = try await other.get("/sign-in")
            let forged = try await browser.post("/staff/organisations/new", ["name": "Sneaky", "kind": "ngo", "csrf": other.csrf!])
            #expect(forged.status == .forbidden)
            #expect(!(try await browser.get("/staff/organisations").body.string.contains("Sneaky")))
        }
    }
}

@Suite struct SessionTests {
    @Test func cookiesAreHttpOnlyLaxAndRenewedAtSignIn() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            let first = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            #expect(first.status == .seeOther)
            #expect(first.headers.first(name: .location) == "/staff")
            let sessionCookie = try #require(browser.lastSetCookies.first { $0.hasPrefix("cohort-session=") })
            #expect(sessionCookie.contains("HttpOnly"))
            #expect(sessionCookie.contains("SameSite=Lax"))
            #expect(sessionCookie.contains("Path=/"))
            let token1 = try #require(browser.sessionToken)

            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            let token2 = try #require(browser.sessionToken)
            #expect(token1 != token2)
            let stale = Browser(app)
            stale.set(cookie: "cohort-session", token1)
            #expect(try await stale.get("/staff").status == .seeOther)
            #expect(try await browser.get("/staff").status == .ok)
        }
    }

    @Test func secureDeploymentsUseHostPrefixedSecureCookies() async throws {
        try await withTestApp(.sqlite, adjust: { $0.secureCookies = true }) { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/sign-in")
            let csrf = try #require(browser.lastSetCookies.first { $0.hasPrefix("__Host-cohort-csrf=") })
            #expect(csrf.contains("Secure") && csrf.contains("HttpOnly") && csrf.contains("Path=/") && !csrf.contains("Domain"))
            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            let session = try #require(browser.lastSetCookies.first { $0.hasPrefix("__Host-cohort-session=") })
            #expect(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Lax"))
            #expect(try await browser.get("/staff").status == .ok)
            #expect(try await browser.get("/").headers.first(name: "Strict-Transport-Security") != nil)
        }
    }

    @Test func signOutEndsTheSessionEverywhere() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            let token = try #require(browser.sessionToken)
            let out = try await browser.post("/sign-out")
            #expect(out.status == .seeOther)
            #expect(browser.sessionToken == nil)
            let replay = Browser(app)
            replay.set(cookie: "cohort-session", token)
            #expect(try await replay.get("/staff").status == .seeOther)
            #expect(try await browser.get("/").body.string.contains("You are signed out"))
        }
    }

    /// Ages every session in the database, instead of waiting in real time.
    static func ageSessions(_ app: Application, column: String, by seconds: TimeInterval) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE auth_sessions SET \(ident: column) = \(bind: Date().addingTimeInterval(-seconds))").run()
    }

    @Test func idleSessionsExpire() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await browser.get("/staff").status == .ok)
            try await Self.ageSessions(app, column: "last_seen_at", by: app.cohortConfig.session.idleTimeout + 60)
            let after = try await browser.get("/staff")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
        }
    }

    @Test func sessionsEndAtTheAbsoluteTimeoutEvenWhenActive() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
            try await Self.ageSessions(app, column: "created_at", by: app.cohortConfig.session.absoluteTimeout + 60)
            #expect(try await browser.get("/staff").status == .seeOther)
        }
    }

    @Test func signInRedirectsOnlyWithinTheSite() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let browser = Browser(app)
            let local = try await browser.post("/sign-in", ["email": Demo.admin.0, "password": Demo.admin.1, "next": "/staff/accounts"])
            #expect(local.headers.first(name: .location) == "/staff/accounts")
            let other = Browser(app)
            let offsite = try await other.post("/sign-in", ["email": Demo.admin.0, "password": Demo.admin.1, "next": "//evil.example/x"])
            #expect(offsite.headers.first(name: .location) == "/staff")
        }
    }
}

@Suite struct SignInTests {
    @Test(arguments: TestDatabaseKind.all)
    func unknownEmailAndWrongPasswordGetTheSameAnswer(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let wrongPassword = try await Browser(app).signIn(Demo.admin.0, "not the right password")
            let unknownEmail = try await Browser(app).signIn("nobody@example.org", "not the right password")
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownEmail.status == .unauthorized)
            let message = "The email address or the password is not right."
            #expect(wrongPassword.body.string.contains(message) && unknownEmail.body.string.contains(message))
            // The email is kept; the password never comes back.
            #expect(wrongPassword.body.string.contains("value=\"\(Demo.admin.0)\""))
            #expect(!wrongPassword.body.string.contains("not the right password"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func repeatedFailuresAreStoppedForThatPair(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let attacker = Browser(app)
            for _ in 0..<5 {
                #expect(try await attacker.signIn(Demo.manager.0, "wrong password guess").status == .unauthorized)
            }
            let blocked = try await attacker.signIn(Demo.manager.0, Demo.manager.1)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: .retryAfter) != nil)
            // Another account from the same address is not affected.
            #expect(try await attacker.signIn(Demo.admin.0, Demo.admin.1).status == .seeOther)
        }
    }

    @Test func behindAProxyEachClientIsCountedOnItsOwn() async throws {
        try await withTestApp(.sqlite, adjust: { $0.clientAddressHeader = "X-Forwarded-For" }) { app async throws in
            for attempt in 0..<5 {
                var result: TestingHTTPResponse?
                let browser = Browser(app)
                _ = try await browser.get("/sign-in")
                let csrf = try #require(browser.csrf)
                try await app.testing().test(.POST, "/sign-in", beforeRequest: { req in
                    req.headers.replaceOrAdd(name: .cookie, value: "cohort-csrf=\(csrf)")
                    req.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.9, 10.0.0.\(attempt)")
                    try req.content.encode(["email": Demo.manager.0, "password": "wrong password guess", "csrf": csrf], as: .urlEncodedForm)
                }, afterResponse: { result = $0 })
                #expect(result?.status == .unauthorized)
            }
            // Five failures, each from another client behind the proxy: nobody is blocked yet.
            #expect(try await Browser(app).signIn(Demo.manager.0, Demo.manager.1).status == .seeOther)
        }
    }

    @Test func emptyFieldsAreNamed() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let page = try await Browser(app).signIn("", "")
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("Enter your email address."))
            #expect(page.body.string.contains("Enter your password."))
            #expect(page.body.string.contains("href=\"#f-email\""))
        }
    }
}

@Suite struct SecretTokenTests {
    /// Stored hashes must not change with how they are written out: links already sent keep working.
    @Test func hashesAreLowerCaseHexOfSHA256() {
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SecretToken.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
