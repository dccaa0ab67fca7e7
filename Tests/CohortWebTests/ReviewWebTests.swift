import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ReviewWebTests {
    /// Two more reviewers for the 2006 program (the demo's two have reviewed every application).
    static func reviewers(_ app: Application) async throws -> (program: Program, callID: UUID, reviewers: [UUID]) {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
        let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first)
        let accounts = AccountStore(db: app.persistence)
        var ids: [UUID] = []
        for n in 1...2 {
            let account = try await accounts.create(email: "reviewer\(n)@example.org", name: "Reviewer \(n)",
                                                    passwordHash: try app.hashPassword("reviewer-password-\(n)"), role: .member,
                                                    now: app.wallClock.now)
            try await accounts.addMember(programID: program.id, accountID: account.id, role: .reviewer)
            ids.append(account.id)
        }
        return (program, call.id, ids)
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerSetsUpReviewAndReviewersWorkThroughTheirQueue(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (_, callID, reviewerIDs) = try await Self.reviewers(app)
            let call = callID.uuidString.lowercased()
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await admin.get("/staff/calls/\(call)/review").status == .ok)
            // A refused rubric comes back with what was typed and a message per field.
            let refused = try await admin.post("/staff/calls/\(call)/review", ["c0_key": "", "c0_name": "Experience", "c0_weight": "heavy",
                                                                              "c0_lowest": "1", "c0_highest": "5", "reviewsWanted": "2"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Give the weight as a number") && refused.body.string.contains("value=\"heavy\""))
            let saved = try await admin.post("/staff/calls/\(call)/review", [
                "c0_key": "", "c0_name": "Experience with migrant workers", "c0_description": "Casework, organising, research.",
                "c0_weight": "2", "c0_lowest": "1", "c0_highest": "5",
                "c1_key": "", "c1_name": "Motivation", "c1_description": "", "c1_weight": "1", "c1_lowest": "1", "c1_highest": "5",
                "c2_key": "", "c2_name": "", "c2_description": "", "c2_weight": "1", "c2_lowest": "1", "c2_highest": "5",
                "reviewsWanted": "3", "blind": "on"])
            #expect(saved.status == .seeOther)
            let settings = try await ReviewStore(db: app.persistence).settings(callID: callID)
            #expect(settings.isBlind && settings.rubric?.criteria.map(\.key) == ["experience_with_migrant_workers", "motivation"])
            // By hand first: one application to reviewer 2, then taken back.
            let firstApplication = try #require(try await ReviewStore(db: app.persistence).reviewableApplicationIDs(callID: callID).first)
            let byHand = ["application": firstApplication.uuidString.lowercased(), "reviewer": reviewerIDs[1].uuidString.lowercased()]
            #expect(try await admin.post("/staff/calls/\(call)/review/assignments", byHand).status == .seeOther)
            #expect(try await ReviewStore(db: app.persistence).isAssigned(applicationID: firstApplication, reviewerID: reviewerIDs[1]))
            #expect(try await admin.get("/staff/calls/\(call)/review").body.string.contains("Take back"))
            #expect(try await admin.post("/staff/calls/\(call)/review/assignments/remove", byHand).status == .seeOther)
            #expect(try await !ReviewStore(db: app.persistence).isAssigned(applicationID: firstApplication, reviewerID: reviewerIDs[1]))
            #expect(try await admin.post("/staff/calls/\(call)/review/assignments", ["application": firstApplication.uuidString.lowercased(),
                                                                                     "reviewer": UUID().uuidString]).status == .unprocessableEntity)
            #expect(try await admin.post("/staff/calls/\(call)/review/assign").status == .seeOther)
            let page = try await admin.get("/staff/calls/\(call)/review").body.string
            #expect(page.contains("Reviewer 1") && page.contains("Reviewer 2"))
            // A partner's staff member: the administrator records where they work, which conflicts follow.
            let tenaganita = try #require(try await OrganisationStore(db: app.persistence).all().first)
            let accountPath = "/staff/accounts/\(reviewerIDs[1].uuidString.lowercased())"
            #expect(try await admin.get(accountPath).body.string.contains("Organisation"))
            #expect(try await admin.post(accountPath, ["name": "Reviewer 2", "platformRole": "member", "isActive": "on",
                                                       "organisation": UUID().uuidString]).status == .unprocessableEntity)
            #expect(try await admin.post(accountPath, ["name": "Reviewer 2", "platformRole": "member", "isActive": "on",
                                                       "organisation": tenaganita.id.uuidString.lowercased()]).status == .seeOther)
            #expect(try await AccountStore(db: app.persistence).organisationID(of: reviewerIDs[1]) == tenaganita.id)
            #expect(try await admin.get("/staff/calls/\(call)/review").body.string.contains(tenaganita.name))
            // Saving without the field leaves it as it is.
            #expect(try await admin.post(accountPath, ["name": "Reviewer Two", "platformRole": "member", "isActive": "on"]).status == .seeOther)
            #expect(try await AccountStore(db: app.persistence).organisationID(of: reviewerIDs[1]) == tenaganita.id)

            // The reviewer's queue, and the review page without the applicant's identity.
            let reviewer = Browser(app)
            _ = try await reviewer.signIn("reviewer1@example.org", "reviewer-password-1")
            #expect(try await reviewer.get("/staff").body.string.contains("Your reviews"))
            #expect(try await reviewer.get("/review").body.string.contains("/review/calls/\(call)"))
            let queue = try await ReviewStore(db: app.persistence).queue(callID: callID, reviewerID: reviewerIDs[0])
            #expect(!queue.isEmpty)
            let first = try #require(queue.first).applicationID
            let application = try #require(try await ApplicationStore(db: app.persistence).find(first))
            let reviewPage = try await reviewer.get("/review/calls/\(call)/applications/\(first.uuidString.lowercased())")
            #expect(reviewPage.status == .ok)
            let text = reviewPage.body.string
            #expect(text.contains("Blind review"))
            #expect(!text.contains(application.email))
            if case .text(let name)? = application.answers["full_name"], !name.isEmpty { #expect(!text.contains(name)) }
            if case .text(let organisation)? = application.answers["organisation"], !organisation.isEmpty { #expect(!text.contains(organisation)) }
            // The staff area stays closed to a reviewer who is not a manager.
            #expect(try await reviewer.get("/staff/calls/\(call)/applications").status == .notFound)
            #expect(try await reviewer.get("/staff/calls/\(call)/review").status == .notFound)

            // An incomplete review comes back; a complete one opens the next application.
            let path = "/review/calls/\(call)/applications/\(first.uuidString.lowercased())"
            let incomplete = try await reviewer.post(path, ["s_experience_with_migrant_workers": "4", "recommendation": "recommend"])
            #expect(incomplete.status == .unprocessableEntity && incomplete.body.string.contains("Give a score for Motivation"))
            let done = try await reviewer.post(path, ["s_experience_with_migrant_workers": "4", "s_motivation": "5", "comment": "Strong casework.",
                                                      "recommendation": "recommend"])
            #expect(done.status == .seeOther)
            if queue.count > 1 {
                #expect(done.headers.first(name: .location) == "/review/calls/\(call)/applications/\(queue[1].applicationID.uuidString.lowercased())")
            }
            #expect(try await ReviewStore(db: app.persistence).review(applicationID: first, reviewerID: reviewerIDs[0])?.scores
                    == ["experience_with_migrant_workers": 4, "motivation": 5])
            // The other reviewer cannot open or review it.
            let other = Browser(app)
            _ = try await other.signIn("reviewer2@example.org", "reviewer-password-2")
            let assignedToOther = try await ReviewStore(db: app.persistence).isAssigned(applicationID: first, reviewerID: reviewerIDs[1])
            if !assignedToOther {
                #expect(try await other.get(path).status == .notFound)
                #expect(try await other.post(path, ["s_motivation": "1", "recommendation": "maybe"]).status == .notFound)
            }
            // The manager's scores show it.
            #expect(try await admin.get("/staff/calls/\(call)/review").body.string.contains(application.reference ?? "?"))

            // "I know this person" hands it over.
            let conflict = try await reviewer.post(path + "/conflict", ["note": "We worked together."])
            #expect(conflict.status == .seeOther)
            #expect(try await !ReviewStore(db: app.persistence).isAssigned(applicationID: first, reviewerID: reviewerIDs[0]))
            #expect(try await ReviewStore(db: app.persistence).isAssigned(applicationID: first, reviewerID: reviewerIDs[1]))
            #expect(try await reviewer.get(path).status == .notFound)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theDemoComesWithSampleReviewsReadyForSelection(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
            let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first)
            let loaded = try #require(try await CallStore(db: app.persistence).load(call.id))
            let aggregation = try #require(try await ReviewStore(db: app.persistence).aggregation(callID: loaded.call.id))
            #expect(aggregation.scores.count == 32 && aggregation.scores.allSatisfy { $0.reviewCount == 2 })
            #expect(aggregation.agreement != nil)
            #expect(try await ReviewStore(db: app.persistence).reviews(callID: loaded.call.id).allSatisfy { $0.comment == DemoCatalog.sampleComment })
            let candidates = try await SelectionRunStore(db: app.persistence).candidates(callID: loaded.call.id, programID: program.id, form: loaded.form,
                                                                               rules: loaded.rules, score: .calibrated)
            #expect(candidates.count == 32 && candidates.allSatisfy { $0.score != nil })
            let reviewer = Browser(app)
            _ = try await reviewer.signIn("reviewer@demo.cohort.example", "demo-reviewer-password")
            #expect(try await reviewer.get("/review").body.string.contains("/review/calls/\(loaded.call.id.uuidString.lowercased())"))
            #expect(try await reviewer.get("/review/calls/\(loaded.call.id.uuidString.lowercased())").status == .ok)
        }
    }
}
