import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct SelectionWebTests {
    /// The 2006 call with every assignment reviewed afresh under a one-criterion rubric, scores spread by order.
    static func reviewedCall(_ app: Application) async throws -> (callID: UUID, references: [String]) {
        let (program, callID, reviewers) = try await ReviewWebTests.reviewers(app)
        let reviews = ReviewStore(db: app.persistence)
        try await reviews.save(.init(rubric: Rubric(criteria: [Rubric.Criterion(key: "overall", name: "Overall", lowest: 1, highest: 10)],
                                                    reviewsWanted: 1), isBlind: false, avoidsSameCountry: false), callID: callID)
        _ = try await reviews.autoAssign(callID: callID, programID: program.id, now: Date())
        for (index, entry) in try await reviews.assignments(callID: callID).enumerated() {
            try await reviews.save(Review(reviewerID: entry.pair.reviewerID, applicationID: entry.pair.applicationID,
                                          scores: ["overall": 1 + index % 10], recommendation: .maybe), now: Date())
        }
        _ = reviewers
        let summaries = try await ApplicationListStore(db: app.persistence).page(callID: callID, filter: ApplicationFilter(), sort: .reference, after: nil, limit: 100)
        return (callID, summaries.items.compactMap(\.reference))
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerRunsComparesAndDownloadsSelections(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, references) = try await Self.reviewedCall(app)
            let call = callID.uuidString.lowercased()
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let form = try await admin.get("/staff/calls/\(call)/selection")
            #expect(form.status == .ok && form.body.string.contains("<dt>country</dt>") && form.body.string.contains("MY (6)"))

            let refused = try await admin.post("/staff/calls/\(call)/selection", ["name": "Bad", "cohortSize": "many", "score": "calibrated",
                                                                                 "include": "NOPE-1", "q0_attribute": "country", "q0_kind": "value",
                                                                                 "q0_values": "", "q0_min": "2", "q0_max": ""])
            #expect(refused.status == .unprocessableEntity)
            let text = refused.body.string
            #expect(text.contains("Give the cohort size") && text.contains("NOPE-1 is not a reference") && text.contains("Give exactly one value"))

            let plain = try await admin.post("/staff/calls/\(call)/selection", ["name": "Best scores", "cohortSize": "5", "score": "average"])
            #expect(plain.status == .seeOther)
            let plainPath = try #require(plain.headers.first(name: .location))
            let page = try await admin.get(plainPath).body.string
            #expect(page.contains("The best cohort of 5") && page.contains("Score: rank 1"))

            let balanced = try await admin.post("/staff/calls/\(call)/selection", [
                "name": "Include one", "cohortSize": "5", "score": "calibrated", "include": references[0],
                "q0_attribute": "country", "q0_kind": "each", "q0_values": "", "q0_min": "", "q0_max": "1",
                "q1_attribute": "role", "q1_kind": "value", "q1_values": "destination", "q1_min": "2", "q1_max": ""])
            #expect(balanced.status == .seeOther)
            let balancedPath = try #require(balanced.headers.first(name: .location))
            let balancedPage = try await admin.get(balancedPath).body.string
            #expect(balancedPage.contains("On the must-include list") && balancedPage.contains("at most 1 from any one country: highest 1 ("))
            #expect(balancedPage.contains("2. at least 2 with role destination: "))

            // The saved instance solves to the same cohort on its own.
            let runs = try await SelectionRunStore(db: app.persistence).runs(callID: callID)
            #expect(runs.map(\.name) == ["Include one", "Best scores"])
            let download = try await admin.get(balancedPath + "/instance.json")
            #expect(download.status == .ok && download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let instance = try SelectionInstance.decode(json: Data(download.body.readableBytesView))
            #expect(try SelectionSolver.solve(instance).selected == runs[0].selected)
            #expect(runs[0].selected.contains(references[0]))

            let conflict = try await admin.post("/staff/calls/\(call)/selection", [
                "name": "Too many", "cohortSize": "3", "score": "calibrated",
                "q0_attribute": "language", "q0_kind": "each", "q0_values": "", "q0_min": "4", "q0_max": ""])
            let conflictPage = try await admin.get(try #require(conflict.headers.first(name: .location))).body.string
            #expect(conflictPage.contains("cannot all hold with 3 places") && conflictPage.contains("Quota 1: at least 4"))

            let compare = try await admin.get("/staff/calls/\(call)/selection/compare?a=\(runs[0].id.uuidString.lowercased())&b=\(runs[1].id.uuidString.lowercased())")
            #expect(compare.status == .ok && compare.body.string.contains("Include one") && compare.body.string.contains("Best scores"))
            #expect(try await admin.get("/staff/calls/\(call)/selection/compare?a=\(runs[0].id.uuidString.lowercased())").status == .unprocessableEntity)
            // Running again starts from the run's settings.
            #expect(try await admin.get("/staff/calls/\(call)/selection?from=\(runs[0].id.uuidString.lowercased())").body.string.contains("value=\"Include one\""))
            // Another program's manager sees none of it.
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get(balancedPath).status == .notFound)
            #expect(try await manager.get(balancedPath + "/instance.json").status == .notFound)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func decisionsAreSentOnceAndApplicantsAnswerByTheirLink(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, _) = try await Self.reviewedCall(app)
            let call = callID.uuidString.lowercased()
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let made = try await admin.post("/staff/calls/\(call)/selection", ["name": "Final", "cohortSize": "5", "score": "average"])
            let runPath = try #require(made.headers.first(name: .location))
            #expect(try await admin.get(runPath).body.string.contains("Prepare the decisions"))
            let respondBy = LocalDateTime.format(Date().addingTimeInterval(7 * 86_400), zone: "Asia/Kuala_Lumpur")
            #expect(try await admin.post(runPath + "/decisions", ["waitlist": "many", "respondBy": respondBy]).status == .unprocessableEntity)
            #expect(try await admin.post(runPath + "/decisions", ["waitlist": "3", "respondBy": "2001-01-01T10:00"]).status == .unprocessableEntity)
            let confirm = try await admin.post(runPath + "/decisions", ["waitlist": "3", "respondBy": respondBy])
            #expect(confirm.status == .ok && confirm.body.string.contains("5 applicants will be offered a place"))
            #expect(try await DecisionStore(db: app.persistence).decisions(callID: callID).isEmpty)
            let sent = try await admin.post(runPath + "/decisions", ["waitlist": "3", "respondBy": respondBy, "confirm": "yes"])
            #expect(sent.status == .seeOther && sent.headers.first(name: .location) == "/staff/calls/\(call)/decisions")
            let decisions = try await DecisionStore(db: app.persistence).decisions(callID: callID)
            #expect(decisions.filter { $0.outcome == .accepted }.count == 5 && decisions.filter { $0.outcome == .waitlisted }.count == 3)
            #expect(decisions.count == 32)
            // Sent once: a second attempt is refused and the run page now links to the decisions.
            #expect(try await admin.post(runPath + "/decisions", ["waitlist": "3", "respondBy": respondBy, "confirm": "yes"]).status == .conflict)
            #expect(try await admin.get(runPath).body.string.contains("See them and the answers"))

            // Each applicant has a message with a new link; an accepted one confirms through it.
            let accepted = try #require(decisions.first { $0.outcome == .accepted })
            let application = try #require(try await ApplicationStore(db: app.persistence).find(accepted.applicationID))
            let sql = try #require(app.db as? any SQLDatabase)
            struct Message: Decodable { let subject: String; let body: String }
            let messages = try await sql.raw("SELECT subject, body FROM outbox_messages WHERE to_address = \(bind: application.email)").all(decoding: Message.self)
            let offer = try #require(messages.first { $0.body.contains("offer you a place") })
            #expect(offer.subject == "About your application")
            let link = try #require(offer.body.split(separator: "\n").first { $0.contains("/apply/") })
            let path = try #require(URL(string: String(link.trimmingCharacters(in: .whitespaces)))?.path)
            let applicant = Browser(app)
            let opened = try await applicant.get(path)
            #expect(opened.status == .seeOther)
            let page = try await applicant.get("/applications/\(accepted.applicationID.uuidString.lowercased())").body.string
            #expect(page.contains("We offer you a place") && page.contains("Confirm my place"))
            #expect(try await applicant.post("/applications/\(accepted.applicationID.uuidString.lowercased())/decision", ["answer": "confirm"]).status == .seeOther)
            #expect(try await applicant.get("/applications/\(accepted.applicationID.uuidString.lowercased())").body.string.contains("You have confirmed your place"))
            // Another applicant's decision cannot be answered with this link.
            let other = try #require(decisions.first { $0.outcome == .accepted && $0.applicationID != accepted.applicationID })
            #expect(try await applicant.post("/applications/\(other.applicationID.uuidString.lowercased())/decision", ["answer": "decline"]).status == .notFound)
            #expect(try await DecisionStore(db: app.persistence).decision(applicationID: other.applicationID)?.response == nil)
            let list = try await admin.get("/staff/calls/\(call)/decisions").body.string
            #expect(list.contains("1 confirmed, 4 waiting for an answer"))

            // The other declines; the manager offers the freed place to the proposed replacement.
            _ = try await DecisionStore(db: app.persistence).respond(applicationID: other.applicationID, confirm: false,
                                                            programID: try #require(try await CallStore(db: app.persistence).load(callID)).call.programID, now: Date())
            let proposed = try #require(try await DecisionStore(db: app.persistence).proposedReplacement(for: other.applicationID, callID: callID))
            #expect(try await admin.get("/staff/calls/\(call)/decisions").body.string.contains("Offer the place to \(proposed)"))
            #expect(try await admin.post("/staff/calls/\(call)/decisions/offer", ["reference": proposed]).status == .seeOther)
            let offered = try #require(try await DecisionStore(db: app.persistence).decisions(callID: callID).first { $0.reference == proposed })
            #expect(offered.outcome == .accepted && offered.respondBy != nil && offered.waitlistRank == nil)
            let detail = try await admin.get("/staff/calls/\(call)/applications/\(offered.applicationID.uuidString.lowercased())").body.string
            #expect(detail.contains("Selection decision") && detail.contains("Accepted: Waiting for an answer by"))
            let replacementApplication = try #require(try await ApplicationStore(db: app.persistence).find(offered.applicationID))
            let theirs = try await sql.raw("SELECT subject, body FROM outbox_messages WHERE to_address = \(bind: replacementApplication.email)").all(decoding: Message.self)
            #expect(theirs.contains { $0.body.contains("on the waiting list") } && theirs.contains { $0.body.contains("offer you a place") })
            // Offered once: a second offer to the same person is refused, as is one to someone not waiting.
            #expect(try await admin.post("/staff/calls/\(call)/decisions/offer", ["reference": proposed]).status == .conflict)
            #expect(try await admin.post("/staff/calls/\(call)/decisions/offer", ["reference": "NOPE"]).status == .unprocessableEntity)
        }
    }
}
