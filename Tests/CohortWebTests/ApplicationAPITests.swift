import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ApplicationAPITests {
    static func json(_ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil,
                     body: String? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, beforeRequest: { req in
            if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: body)
            }
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    /// Starts through the API as a client does, then reads the token from the email (the only
    /// place it goes) and the application's id from `GET /api/v1/application`.
    static func start(_ app: Application, callID: String, email: String, language: String = "en") async throws -> (id: String, token: String) {
        let started = try await json(app, .POST, "/api/v1/calls/\(callID)/applications", body: #"{"email":"\#(email)","language":"\#(language)"}"#)
        #expect(started.status == .accepted)
        let link = try await ApplicantFlowTests.emailedLink(app, to: email)
        let token = String(link.dropFirst("/apply/".count))
        let own = try object(try await json(app, .GET, "/api/v1/application", token: token))
        return (try #require(own["id"] as? String).lowercased(), token)
    }

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test(arguments: TestDatabaseKind.all)
    func aClientAppliesThroughTheAPI(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let calls = try Self.object(try await Self.json(app, .GET, "/api/v1/calls"))
            let list = try #require(calls["calls"] as? [[String: Any]])
            #expect(list.count == 1)
            let callID = try #require(list.first?["id"] as? String).lowercased()
            let detail = try Self.object(try await Self.json(app, .GET, "/api/v1/calls/\(callID)"))
            #expect((detail["sections"] as? [[String: Any]])?.count == 3)

            let (id, token) = try await Self.start(app, callID: callID, email: "api@example.org", language: "ms")
            #expect(try Self.object(try await Self.json(app, .GET, "/api/v1/application", token: token))["language"] as? String == "ms")
            #expect(try await Self.json(app, .GET, "/api/v1/application").status == .unauthorized)
            #expect(try await Self.json(app, .GET, "/api/v1/application", token: "wrong").status == .notFound)

            #expect(try await Self.json(app, .GET, "/api/v1/applications/\(id)").status == .unauthorized)
            #expect(try await Self.json(app, .GET, "/api/v1/applications/\(id)", token: "wrong").status == .notFound)

            let invalid = try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token,
                                              body: #"{"answers":{"full_name":"Api Person","years_experience":"many"}}"#)
            #expect(invalid.status == .ok)
            #expect(invalid.body.string.contains("\"field\":\"years_experience\""))
            #expect(invalid.body.string.contains("\"years_experience\":\"many\""))
            let unknown = try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: #"{"answers":{"nope":"x"}}"#)
            #expect(unknown.status == .unprocessableEntity)
            let malformed = try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: #"{"answers": 5"#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.body.string.contains("\"error\":true"))
            #expect(malformed.body.string.contains("not valid JSON"))
            let noAnswers = try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: #"{"answer": {}}"#)
            #expect(noAnswers.status == .badRequest)
            #expect(noAnswers.body.string.contains("Send the answers as"))
            let nullAnswer = try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: #"{"answers": {"motivation": null}}"#)
            #expect(nullAnswer.status == .badRequest)

            let incomplete = try await Self.json(app, .POST, "/api/v1/applications/\(id)/submit", token: token)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.body.string.contains("\"field\":\"motivation\"") || incomplete.body.string.contains("\"field\":\"work_description\""))
            // One error shape everywhere: {error, reason, requestId, fields?}.
            let shape = try Self.object(incomplete)
            #expect(shape["error"] as? Bool == true && shape["reason"] is String && shape["requestId"] is String)
            #expect((shape["fields"] as? [[String: Any]])?.isEmpty == false)
            #expect(shape["errors"] == nil)

            let answers = #"{"answers":{"years_experience":4,"nationality":"MY","residence":"MY","sector":"trade_union","works_with_migrants":true,"focus":["recruitment"],"work_description":"Organising.","attend_all":"yes","expectations":"Networks."}}"#
            #expect(try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: answers).status == .ok)
            let submitted = try await Self.json(app, .POST, "/api/v1/applications/\(id)/submit", token: token)
            #expect(submitted.status == .ok)
            let reference = try #require(try Self.object(submitted)["reference"] as? String)
            #expect(reference == "MWPNEXT-0001")
            let again = try await Self.json(app, .POST, "/api/v1/applications/\(id)/submit", token: token)
            #expect(try Self.object(again)["reference"] as? String == reference)
            #expect(try await Self.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: answers).status == .conflict)

            let repeatStart = try await Self.json(app, .POST, "/api/v1/calls/\(callID)/applications", body: #"{"email":"API@example.org"}"#)
            #expect(repeatStart.status == .accepted)
            #expect(repeatStart.body.string == #"{"linkSentByEmail":true}"#)
            // The new link retired the one the client held.
            #expect(try await Self.json(app, .GET, "/api/v1/applications/\(id)", token: token).status == .unauthorized)
            let badEmail = try await Self.json(app, .POST, "/api/v1/calls/\(callID)/applications", body: #"{"email":"nope"}"#)
            #expect(badEmail.status == .unprocessableEntity)
        }
    }
}
