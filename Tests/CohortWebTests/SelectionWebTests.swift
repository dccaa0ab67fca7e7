import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct SelectionWebTests {
    /// The 2006 call with every assignment reviewed afresh under a one-criterion rubric, scores spread by order.
    static func reviewedCall(_ app: Application) async throws -> (callID: UUID, references: [String]) {
        let (program, callID, reviewers) = try await ReviewWebTests.reviewers(app)
        let reviews = ReviewStore(db: app.db)
        try await reviews.save(.init(rubric: Rubric(criteria: [Rubric.Criterion(key: "overall", name: "Overall", lowest: 1, highest: 10)],
                                                    reviewsWanted: 1), isBlind: false, avoidsSameCountry: false), callID: callID)
        _ = try await reviews.autoAssign(callID: callID, programID: program.id, now: Date())
        for (index, entry) in try await reviews.assignments(callID: callID).enumerated() {
            try await reviews.save(Review(reviewerID: entry.pair.reviewerID, applicationID: entry.pair.applicationID,
                                          scores: ["overall": 1 + index % 10], recommendation: .maybe), now: Date())
        }
        _ = reviewers
        let summaries = try await ApplicationListStore(db: app.db).page(callID: callID, filter: ApplicationFilter(), sort: .reference, after: nil, limit: 100)
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
            #expect(balancedPage.contains("On the must-include list") && balancedPage.contains("at most 1 from any one country"))

            // The saved instance solves to the same cohort on its own.
            let runs = try await SelectionRunStore(db: app.db).runs(callID: callID)
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
}
