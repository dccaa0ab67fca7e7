import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Requests that once stopped the server or slipped past a check, sent as an attacker would.
/// After each group the server must still answer.
@Suite struct HostileRequestTests {
    static func openCall(_ app: Application) async throws -> String {
        let calls = try ApplicationAPITests.object(try await ApplicationAPITests.json(app, .GET, "/api/v1/calls"))
        return try #require((calls["calls"] as? [[String: Any]])?.first?["id"] as? String).lowercased()
    }

    static func started(_ app: Application, email: String = "hostile@example.org") async throws -> (id: String, token: String) {
        let call = try await openCall(app)
        return try await ApplicationAPITests.start(app, callID: call, email: email)
    }

    static func stillUp(_ app: Application) async throws {
        #expect(try await ApplicationAPITests.json(app, .GET, "/healthz").status == .ok)
    }

    @Test(arguments: TestDatabaseKind.all)
    func hostileAnswersGetA4xxAndTheServerStaysUp(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (id, token) = try await Self.started(app)
            let nested = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
            for answers in [#""years_experience":1e300"#, #""years_experience":-1e300"#] {
                let saved = try await ApplicationAPITests.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: "{\"answers\":{\(answers)}}")
                #expect(saved.status == .ok)
            }
            for body in [#"{"answers":{"full_name":"\uD800\u0041"}}"#, #"{"answers":{"full_name":"a\u0000b"}}"#,
                         #"{"x":\#(nested),"answers":{}}"#, #"{"answers":{"full_name":\#(nested)}}"#] {
                let refused = try await ApplicationAPITests.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: body)
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("\"reason\""))
            }
            let read = try await ApplicationAPITests.json(app, .GET, "/api/v1/applications/\(id)", token: token)
            #expect(read.status == .ok && read.body.string.contains("1e+300"))
            #expect(read.headers.first(name: .cacheControl) == "no-store")
            try await Self.stillUp(app)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func controlCharactersAreRefusedOnBothDatabases(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            #expect(try await browser.get("/programs/%00x").status == .badRequest)
            #expect(try await browser.get("/programs?q=%00").status == .badRequest)
            let call = try await Self.openCall(app)
            let start = try await ApplicationAPITests.json(app, .POST, "/api/v1/calls/\(call)/applications", body: #"{"email":"a\u0000b@example.org"}"#)
            #expect(start.status == .unprocessableEntity)
            #expect(try await browser.post("/calls/\(call)/start", ["email": "a\u{0}b@example.org"]).status == .badRequest)
            #expect(try await browser.post("/calls/\(call)/start", ["email": "a\u{202E}b@example.org"]).status == .unprocessableEntity)
            let signIn = try await browser.post("/sign-in", ["email": "admin\u{0}@demo.cohort.example", "password": "x"])
            #expect(signIn.status == .unauthorized)
            let bidi = try await browser.post("/sign-in", ["email": "admin\u{202E}@demo.cohort.example", "password": "x"])
            #expect(bidi.status == .unauthorized || bidi.status == .ok)
            try await Self.stillUp(app)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerCannotStopTheServerFromTheFormBuilder(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let call = try await Self.openCall(app)
            for section in ["-9223372036854775808", "9223372036854775807", "0", "x"] {
                #expect(try await manager.get("/staff/calls/\(call)/preview?lang=en&section=\(section)").status == .ok)
            }
            let callID = try #require(UUID(uuidString: call))
            let loaded = try #require(try await CallStore(db: app.persistence).load(callID))
            let question = ["key": "huge", "type": "number", "label_en": "Huge", "minimum": "1e300", "section": loaded.form.sections.last!.key,
                            "version": "\(loaded.form.version)", "replacing": ""]
            let refused = try await manager.post("/staff/calls/\(call)/form/question", question)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("value=\"1e300\""))
            // A line break in the key never reaches the Location header.
            let moved = try await manager.post("/staff/calls/\(call)/form/move", ["kind": "question", "key": "x\r\nSet-Cookie: a=b", "direction": "up",
                                                                                  "version": "\(loaded.form.version)"])
            #expect(moved.status == .seeOther)
            let location = try #require(moved.headers.first(name: .location))
            #expect(!location.contains("\r") && !location.contains("\n") && !location.contains("Set-Cookie"))
            #expect(moved.headers[.setCookie].allSatisfy { !$0.hasPrefix("a=") })
            try await Self.stillUp(app)
        }
    }

    @Test(arguments: [
        ("/staff", true), ("/staff/calls?x=1", true), ("/%09/evil.example/", false), ("/\t/evil.example/", false),
        ("//evil.example", false), ("/\\evil.example", false), ("/%2F/evil.example", false), ("/%5Cevil.example", false),
        ("https://evil.example", false), ("/ /evil.example", false), ("/\n/evil.example", false), ("/é", false), ("", false),
    ])
    func signInNextStaysOnThisSite(next: String, accepted: Bool) {
        #expect((SiteURL.safeNext(next) != nil) == accepted)
    }

    @Test func redirectsNeverCarryControlCharacters() {
        #expect(Request.headerSafe("/a#q-x\r\nSet-Cookie: a=b") == "/a#q-x%0D%0ASet-Cookie:%20a=b")
        #expect(Request.headerSafe("/staff/calls") == "/staff/calls")
    }

    @Test(arguments: TestDatabaseKind.all)
    func parallelGuessesAreCountedBeforeThePasswordIsChecked(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/sign-in")
            let csrf = try #require(browser.csrf)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for guess in 0..<23 {
                    group.addTask {
                        let attacker = Browser(app)
                        attacker.set(cookie: "cohort-csrf", csrf)
                        return try await attacker.post("/sign-in", ["email": Demo.admin.0, "password": "wrong-guess-\(guess)", "csrf": csrf]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Five may be checked; every other guess is refused without a look at the password,
            // and so is the right one sent after them: luck does not get past the throttle.
            // (The right password inside the burst is left out on purpose: once it is checked it
            // forgives that client's failures, which is harmless, since that client knows the
            // password, but makes the count depend on timing.)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 18)
            let lucky = Browser(app)
            lucky.set(cookie: "cohort-csrf", csrf)
            let last = try await lucky.post("/sign-in", ["email": Demo.admin.0, "password": Demo.admin.1, "csrf": csrf])
            #expect(last.status == .tooManyRequests)
        }
    }

    @Test func theStandInHashIsMadeOnce() {
        let hasher = PasswordHasher(cost: 4)
        hasher.prepare()
        let first = hasher.standInHash
        hasher.verifyAgainstNothing("anything")
        #expect(hasher.standInHash == first && !first.isEmpty)
    }

    @Test(arguments: TestDatabaseKind.all)
    func everyControlOfTheStaffFormsHasAName(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
            let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first).id.uuidString.lowercased()
            let reviewer = Browser(app)
            _ = try await reviewer.signIn("reviewer@demo.cohort.example", "demo-reviewer-password")
            let queue = try await reviewer.get("/review/calls/\(call)").body.string
            let reviewPath = try #require(Self.firstHref(in: queue, containing: "/review/calls/\(call)/applications/"))
            let review = try await reviewer.get(reviewPath)
            #expect(review.status == .ok)
            Self.expectEveryControlNamed(review.body.string, page: "review")
            #expect(review.body.string.contains("type=\"radio\""))

            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let selection = try await admin.get("/staff/calls/\(call)/selection").body.string
            Self.expectEveryControlNamed(selection, page: "selection")
            let applicationID = String(reviewPath.split(separator: "/").last!)
            let detail = try await admin.get("/staff/calls/\(call)/applications/\(applicationID)").body.string
            Self.expectEveryControlNamed(detail, page: "application")
            #expect(detail.contains("name=\"decision\""))
        }
    }

    static func firstHref(in html: String, containing part: String) -> String? {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.first { $0.contains(part) }
    }

    /// Every input, select and textarea a browser would send has a non-empty name.
    static func expectEveryControlNamed(_ html: String, page: String) {
        for tag in ["<input", "<select", "<textarea"] {
            for piece in html.components(separatedBy: tag).dropFirst() {
                let element = String(piece.prefix { $0 != ">" })
                if element.contains("type=\"submit\"") { continue }
                #expect(element.contains(" name=\"") && !element.contains("name=\"\""), "\(page): \(tag)\(element)>")
            }
        }
    }
}

/// Over a real socket, where a long body arrives in pieces after the headers.
@Suite struct StreamedBodyTests {
    @Test func aLongFormIsCheckedForItsTokenOnlyOnceItHasArrived() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let port = Int.random(in: 20_000..<40_000)
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            do {
                // A client of its own rather than the testing one, whose 30 seconds a loaded machine
                // running the whole suite at once (each app hashing its demo passwords) can exceed.
                func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> ClientResponse {
                    try await app.client.send(ClientRequest(method: method, url: URI(string: "http://127.0.0.1:\(port)\(path)"), headers: headers,
                                                            body: body, timeout: .seconds(300)))
                }
                let signIn = try await send(.GET, "/sign-in")
                let set = signIn.headers[.setCookie].first { $0.contains("csrf=") } ?? ""
                let cookie = String(set.prefix { $0 != ";" })
                let csrf = String(cookie.split(separator: "=", maxSplits: 1).last ?? "")
                #expect(!csrf.isEmpty)
                // A long answer in Nepali, percent-encoded as a browser sends it: about 480 KB.
                let long = String(repeating: "नेपालमा आप्रवासी कामदारहरूको अधिकार ", count: 1_500)
                let body = "email=someone%40example.org&password=not-this-one&note=\(Browser.encode(long))&csrf=\(csrf)"
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                headers.replaceOrAdd(name: .cookie, value: cookie)
                let response = try await send(.POST, "/sign-in", headers: headers, body: ByteBuffer(string: body))
                // A wrong password, not an expired form.
                #expect(response.status == .unauthorized)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }
}
