import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct FileUploadTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n".utf8)
    static let html = Array("<html><script>alert(1)</script></html>".utf8)

    static func upload(_ app: Application, id: String, token: String, fields: [String: String],
                       files: [String: (name: String, bytes: [UInt8])], headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let (headers, body) = Multipart.encode(fields, files: files)
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/applications/\(id)/files", headers: headers, beforeRequest: { req in
            req.headers.bearerAuthorization = BearerAuthorization(token: token)
            for (name, value) in extra { req.headers.replaceOrAdd(name: name, value: value) }
            req.body = body
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    static func startThroughAPI(_ app: Application, email: String) async throws -> (callID: String, id: String, token: String) {
        let callID = try await ApplicantFlowTests.openCallID(app).uuidString.lowercased()
        let (id, token) = try await ApplicationAPITests.start(app, callID: callID, email: email)
        return (callID, id, token)
    }

    @Test(arguments: TestDatabaseKind.all)
    func theAPIAcceptsAFileByItsContentAndRefusesTheRest(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, id, token) = try await Self.startThroughAPI(app, email: "files@example.org")
            let detail = try await ApplicationAPITests.json(app, .GET, "/api/v1/calls/\(callID)").body.string
            #expect(detail.contains("\"maxFileBytes\":10485760"))

            let stored = try await Self.upload(app, id: id, token: token, fields: ["question": "support_letter"],
                                               files: ["file": ("letter.txt", Self.pdf)])
            #expect(stored.status == .created)
            let body = try ApplicationAPITests.object(stored)
            #expect(body["kind"] as? String == "pdf")
            #expect(body["fileName"] as? String == "letter.pdf")
            let read = try ApplicationAPITests.object(try await ApplicationAPITests.json(app, .GET, "/api/v1/applications/\(id)", token: token))
            #expect((read["answers"] as? [String: Any])?["support_letter"] as? String == (body["id"] as? String))

            let disguised = try await Self.upload(app, id: id, token: token, fields: ["question": "support_letter"],
                                                  files: ["file": ("letter.pdf", Self.html)])
            #expect(disguised.status == .unprocessableEntity)
            #expect(disguised.body.string.contains("This kind of file is not accepted"))
            let large = try await Self.upload(app, id: id, token: token, fields: ["question": "support_letter"],
                                              files: ["file": ("big.pdf", Self.pdf + [UInt8](repeating: 0x20, count: 10 * 1024 * 1024))])
            #expect(large.status == .payloadTooLarge)
            #expect(large.body.string.contains("larger than 10 MB"))
            let wrongQuestion = try await Self.upload(app, id: id, token: token, fields: ["question": "full_name"], files: ["file": ("a.pdf", Self.pdf)])
            #expect(wrongQuestion.status == .unprocessableEntity)
            let noFile = try await Self.upload(app, id: id, token: token, fields: ["question": "support_letter"], files: [:])
            #expect(noFile.status == .unprocessableEntity)
            let badToken = try await Self.upload(app, id: id, token: "nope", fields: ["question": "support_letter"], files: ["file": ("a.pdf", Self.pdf)])
            #expect(badToken.status == .notFound)
            // A file answer is given by uploading, not by naming an id.
            let named = try await ApplicationAPITests.json(app, .PATCH, "/api/v1/applications/\(id)", token: token,
                                                           body: #"{"answers":{"support_letter":"\#(UUID().uuidString)"}}"#)
            #expect(named.status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func submitTakesAnIdempotencyKeyAndRefusesAMalformedOne(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (_, id, token) = try await Self.startThroughAPI(app, email: "key@example.org")
            let answers = #"{"answers":{"full_name":"Key Person","years_experience":4,"nationality":"MY","residence":"MY","sector":"trade_union","works_with_migrants":true,"focus":["recruitment"],"work_description":"Organising.","attend_all":"yes","expectations":"Networks."}}"#
            #expect(try await ApplicationAPITests.json(app, .PATCH, "/api/v1/applications/\(id)", token: token, body: answers).status == .ok)
            var bad: TestingHTTPResponse?
            try await app.testing().test(.POST, "/api/v1/applications/\(id)/submit", headers: ["Idempotency-Key": "has space"], beforeRequest: {
                $0.headers.bearerAuthorization = BearerAuthorization(token: token)
            }, afterResponse: { bad = $0 })
            #expect(bad?.status == .badRequest)
            var references: [String] = []
            for _ in 0..<2 {
                try await app.testing().test(.POST, "/api/v1/applications/\(id)/submit", headers: ["Idempotency-Key": "7f1c0e5a-retry"], beforeRequest: {
                    $0.headers.bearerAuthorization = BearerAuthorization(token: token)
                }, afterResponse: { response in
                    #expect(response.status == .ok)
                    references.append((try? ApplicationAPITests.object(response)["reference"] as? String) ?? "")
                })
            }
            #expect(references == ["MWPNEXT-0001", "MWPNEXT-0001"])
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theFormUploadsAFileAndOnlyItsOwnerAndStaffCanFetchIt(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await ApplicantFlowTests.openCallID(app)
            let applicant = Browser(app)
            let path = try await ApplicantFlowTests.startAndOpen(applicant, callID: callID, email: "up@example.org")
            let page = try await applicant.get(path + "/sections/3").body.string
            #expect(page.contains("enctype=\"multipart/form-data\""))
            #expect(page.contains("type=\"file\""))
            #expect(page.contains("Accepted: PDF, JPEG image, PNG image. At most 10 MB."))

            // A multipart post is held to the same CSRF rule as any other form.
            let forged = try await applicant.postMultipart(path + "/sections/3", ["csrf": "forged", "attend_all": "yes"],
                                                           files: ["support_letter": ("letter.pdf", Self.pdf)])
            #expect(forged.status == .forbidden)
            let refused = try await applicant.postMultipart(path + "/sections/3", ["attend_all": "yes", "expectations": "Skills."],
                                                            files: ["support_letter": ("letter.pdf", Self.html)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("This kind of file is not accepted"))
            // The answers sent with the refused file are kept.
            #expect(refused.body.string.contains("Skills."))

            let sent = try await applicant.postMultipart(path + "/sections/3", ["attend_all": "yes", "expectations": "Skills."],
                                                         files: ["support_letter": ("My Letter.pdf", Self.pdf)])
            #expect(sent.status == .seeOther)
            let again = try await applicant.get(path + "/sections/3").body.string
            #expect(again.contains("Uploaded: MyLetter.pdf"))
            // Sending the section again without a file keeps the uploaded one.
            #expect(try await applicant.postMultipart(path + "/sections/3", ["attend_all": "yes", "expectations": "Skills."],
                                                      files: ["support_letter": ("", [])]).status == .seeOther)
            let review = try await applicant.get(path + "/review").body.string
            let range = try #require(review.range(of: #"/applications/[0-9a-f-]{36}/files/[0-9a-f-]{36}"#, options: .regularExpression))
            let filePath = String(review[range])
            let download = try await applicant.get(filePath)
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition) == "attachment; filename=\"MyLetter.pdf\"")
            #expect(Array(download.body.readableBytesView) == Self.pdf)

            // Another applicant, or nobody, gets nothing.
            let stranger = Browser(app)
            _ = try await ApplicantFlowTests.startAndOpen(stranger, callID: callID, email: "stranger@example.org")
            #expect(try await stranger.get(filePath).status == .notFound)
            #expect(try await Browser(app).get(filePath).status == .notFound)

            // The program's manager downloads it from the staff pages; staff of nothing else cannot.
            let applicationID = String(path.dropFirst("/applications/".count))
            let fileID = String(filePath.split(separator: "/").last!)
            let staffPath = "/staff/calls/\(callID.uuidString.lowercased())/applications/\(applicationID)/files/\(fileID)"
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let detail = try await manager.get("/staff/calls/\(callID.uuidString.lowercased())/applications/\(applicationID)").body.string
            #expect(detail.contains(staffPath))
            let staffDownload = try await manager.get(staffPath)
            #expect(staffDownload.status == .ok)
            #expect(staffDownload.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(try await Browser(app).get(staffPath).status == .seeOther)
        }
    }
}

extension FileUploadTests {
    /// A database that refuses to store files, on either engine.
    static func refuseFiles(_ app: Application, kind: TestDatabaseKind) async throws {
        let sql = try app.db.sql()
        switch kind {
        case .sqlite:
            try await sql.raw("""
                CREATE TRIGGER refuse_files BEFORE INSERT ON application_files BEGIN SELECT RAISE(ABORT, 'disk full'); END
                """).run()
        case .postgres:
            try await sql.raw("""
                CREATE FUNCTION refuse_files() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER refuse_files BEFORE INSERT ON application_files FOR EACH ROW EXECUTE FUNCTION refuse_files()
                """).run()
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aFileThatCannotBeStoredLeavesTheSectionsAnswersUnsaved(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await ApplicantFlowTests.openCallID(app)
            let applicant = Browser(app)
            let path = try await ApplicantFlowTests.startAndOpen(applicant, callID: callID, email: "atomic@example.org")
            #expect(try await applicant.postMultipart(path + "/sections/3", ["attend_all": "yes", "expectations": "First answer."],
                                                      files: [:]).status == .seeOther)
            try await Self.refuseFiles(app, kind: kind)
            let failed = try await applicant.postMultipart(path + "/sections/3", ["attend_all": "yes", "expectations": "Second answer."],
                                                           files: ["support_letter": ("letter.pdf", Self.pdf)])
            #expect(failed.status == .internalServerError)
            let page = try await applicant.get(path + "/sections/3").body.string
            #expect(page.contains("First answer."))
            #expect(!page.contains("Second answer."))
            #expect(!page.contains("Uploaded:"))
        }
    }

    @Test func theExportSaysAFileIsThereWithoutItsId() {
        let question = Question(key: "letter", type: .file, label: .init(english: "Letter"))
        let form = FormDefinition(version: 1, sections: [FormSection(key: "s", title: .init(english: "S"), questions: [question])])
        let id = UUID()
        let summary = ApplicationSummary(id: UUID(), reference: "R-1", status: .submitted, fullName: "N", email: "e@example.org",
                                         nationality: "MY", sector: "ngo", gender: "", language: .english, isEligible: true,
                                         ineligibilityReasons: [], createdAt: Date(), submittedAt: Date())
        let csv = ApplicationExport.csv([(summary, ["letter": .text(id.uuidString)]), (summary, [:])], form: form, withIdentities: false)
        #expect(csv.contains("file uploaded"))
        #expect(!csv.contains(id.uuidString))
    }
}
