import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct EditAfterSubmitTests {
    static func submitted(_ app: Application, email: String) async throws -> (Browser, String) {
        let callID = try await ApplicantFlowTests.openCallID(app)
        let applicant = Browser(app)
        let path = try await ApplicantFlowTests.startAndOpen(applicant, callID: callID, email: email)
        _ = try await applicant.post(path + "/sections/1", ["full_name": "Edit Later", "nationality": "MY", "residence": "MY", "sector": "ngo",
                                                           "years_experience": "4"])
        _ = try await applicant.post(path + "/sections/2", ["works_with_migrants": "yes", "focus__justice": "on", "work_description": "Legal aid."])
        _ = try await applicant.post(path + "/sections/3", ["attend_all": "yes", "expectations": "Skills."])
        #expect(try await applicant.post(path + "/submit").headers.first(name: .location) == path + "/receipt")
        return (applicant, path)
    }

    static func setEditing(_ app: Application, _ allowed: Bool) async throws {
        let callID = try await ApplicantFlowTests.openCallID(app)
        let loaded = try #require(try await CallStore(db: app.persistence).load(callID))
        var call = loaded.call
        call.allowsEditingAfterSubmit = allowed
        try await CallStore(db: app.persistence).update(call, rules: loaded.rules, now: app.wallClock.now)
    }

    @Test(arguments: TestDatabaseKind.all)
    func aSubmittedApplicationChangesOnlyWhenTheCallAllowsAndUntilTheDeadline(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (applicant, path) = try await Self.submitted(app, email: "later@example.org")
            // Not allowed (the demo's setting): the section sends the applicant back to the overview.
            #expect(try await applicant.get(path + "/sections/3").status == .seeOther)
            #expect(try await applicant.post(path + "/sections/3", ["attend_all": "no", "expectations": "Changed."]).status == .unprocessableEntity)

            try await Self.setEditing(app, true)
            #expect(try await applicant.get(path).body.string.contains(path + "/sections/3"))
            #expect(try await applicant.get(path + "/sections/3").status == .ok)
            #expect(try await applicant.post(path + "/sections/3", ["attend_all": "yes", "expectations": "Changed my mind."]).status == .seeOther)
            let id = try #require(UUID(uuidString: String(path.dropFirst("/applications/".count))))
            let changed = try #require(try await ApplicationStore(db: app.persistence).find(id))
            #expect(changed.answers["expectations"] == .text("Changed my mind."))
            #expect(changed.status == .submitted)
            #expect(changed.reference == "MWPNEXT-0001")

            // Once staff start on it, it is read as it is.
            _ = try await ApplicationStore(db: app.persistence).setStatus(.underReview, ids: [id], callID: changed.callID, now: Date())
            #expect(try await applicant.get(path + "/sections/3").status == .seeOther)
            _ = try await ApplicationStore(db: app.persistence).setStatus(.submitted, ids: [id], callID: changed.callID, now: Date())

            // After the deadline and its grace, no more changes.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE calls SET closes_at = \(bind: Date().addingTimeInterval(-7200)) WHERE id = \(bind: changed.callID)").run()
            #expect(try await applicant.get(path + "/sections/3").status == .seeOther)
            #expect(try await applicant.post(path + "/sections/3", ["attend_all": "no", "expectations": "Too late."]).status == .unprocessableEntity)
            #expect(try await ApplicationStore(db: app.persistence).find(id)?.answers["expectations"] == .text("Changed my mind."))
        }
    }
}
