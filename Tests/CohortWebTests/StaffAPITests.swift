import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct StaffAPITests {
    static func get(_ app: Application, _ path: String, token: String?) async throws -> TestingHTTPResponse {
        try await ApplicationAPITests.json(app, .GET, path, token: token)
    }

    @Test(arguments: TestDatabaseKind.all)
    func aTokenReadsWhatItsAccountMayReadAndNothingElse(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (call2006, _) = try await StaffDecisionTests.closedCall(app)
            let call2017 = try await ApplicantFlowTests.openCallID(app)
            let admin = try await app.makeAPIToken(email: Demo.admin.0, name: "Reporting")
            let manager = try await app.makeAPIToken(email: Demo.manager.0, name: "Spreadsheet")
            #expect(admin.hasPrefix("cohort_pat_"))
            let path = "/api/v1/calls/\(call2006.uuidString.lowercased())/applications"

            let first = try await Self.get(app, path + "?sort=reference&limit=20", token: admin)
            #expect(first.status == .ok)
            let body = try ApplicationAPITests.object(first)
            #expect(body["total"] as? Int == 32)
            let items = try #require(body["applications"] as? [[String: Any]])
            #expect(items.count == 20)
            #expect(items.first?["reference"] as? String == "MWP2006-0001")
            #expect(items.first?["fullName"] == nil || items.first?["fullName"] is NSNull)
            let next = try #require(body["next"] as? String)
            let second = try ApplicationAPITests.object(try await Self.get(app, path + "?sort=reference&limit=20&after=\(next)", token: admin))
            #expect((second["applications"] as? [[String: Any]])?.count == 12)
            #expect(second["next"] == nil || second["next"] is NSNull)

            let named = try ApplicationAPITests.object(try await Self.get(app, path + "?identities=yes&limit=1", token: admin))
            #expect(((named["applications"] as? [[String: Any]])?.first?["email"] as? String)?.hasSuffix("@demo.cohort.example") == true)
            #expect(try await ApplicationListStore(db: app.persistence).exports(callID: call2006).first?.withIdentities == true)

            let filtered = try ApplicationAPITests.object(try await Self.get(app, path + "?nationality=np", token: admin))
            #expect((filtered["total"] as? Int ?? 0) > 0 && (filtered["total"] as? Int ?? 99) < 32)
            let bad = try await Self.get(app, path + "?status=maybe&limit=1000&sort=size", token: admin)
            #expect(bad.status == .badRequest)
            for field in ["status", "limit", "sort"] { #expect(bad.body.string.contains("\"field\":\"\(field)\"")) }

            // The manager of 2017/18 reads that call, not 2006's.
            #expect(try await Self.get(app, path, token: manager).status == .notFound)
            #expect(try await Self.get(app, "/api/v1/calls/\(call2017.uuidString.lowercased())/applications", token: manager).status == .ok)
            // No token, a wrong one, an applicant's link: 401.
            #expect(try await Self.get(app, path, token: nil).status == .unauthorized)
            #expect(try await Self.get(app, path, token: "cohort_pat_nope").status == .unauthorized)
            #expect(try await Self.get(app, path, token: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG").status == .unauthorized)
            let tokens = try await APITokenStore(db: app.persistence).tokens(accountID: try #require(try await AccountStore(db: app.persistence).credentials(email: Demo.admin.0)).account.id)
            #expect(tokens.first?.lastUsedAt != nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func staffMakeAndRevokeTheirOwnTokensInThePages(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let empty = try await manager.post("/staff/tokens", ["name": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Name the token"))
            let made = try await manager.post("/staff/tokens", ["name": "Reporting spreadsheet"])
            #expect(made.status == .ok)
            #expect(made.headers.first(name: .cacheControl)?.contains("no-store") == true)
            let range = try #require(made.body.string.range(of: #"cohort_pat_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let token = String(made.body.string[range])
            let call2017 = try await ApplicantFlowTests.openCallID(app)
            let path = "/api/v1/calls/\(call2017.uuidString.lowercased())/applications"
            #expect(try await Self.get(app, path, token: token).status == .ok)
            // The list never shows the token again.
            let list = try await manager.get("/staff/tokens").body.string
            #expect(list.contains("Reporting spreadsheet"))
            #expect(!list.contains(token))
            let revoke = try #require(list.range(of: #"/staff/tokens/[0-9a-f-]{36}/revoke"#, options: .regularExpression))
            // Another account cannot revoke it.
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await admin.post(String(list[revoke])).status == .notFound)
            #expect(try await manager.post(String(list[revoke])).status == .seeOther)
            #expect(try await Self.get(app, path, token: token).status == .unauthorized)
        }
    }
}
