import CohortCore
import CohortStore
import CohortTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite struct DecisionStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func decisionsGoOutOnceAndAcceptedApplicantsAnswer(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await ReviewStoreTests.scene(harness)
            let reviews = ReviewStore(db: harness.persistence)
            try await reviews.save(.init(rubric: ReviewStoreTests.rubric, isBlind: false, avoidsSameCountry: false), callID: scene.call.id)
            let plan = try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date())
            // Applicant n scores n + 1 on both criteria: the later the application, the better.
            for pair in plan.added {
                let n = scene.applications.firstIndex(of: pair.applicationID)!
                try await reviews.save(Review(reviewerID: pair.reviewerID, applicationID: pair.applicationID,
                                              scores: ["experience": n + 1, "motivation": n + 1], recommendation: .maybe), now: Date())
            }
            let loaded = try #require(try await CallStore(db: harness.persistence).load(scene.call.id))
            let runs = SelectionRunStore(db: harness.persistence)
            let candidates = try await runs.candidates(callID: scene.call.id, programID: scene.programID, form: loaded.form, rules: loaded.rules, score: .average)
            #expect(candidates.count == 4)
            let instance = try SelectionSetup(name: "Two", cohortSize: 2, quotas: []).instance(candidates: candidates)
            let solution = try SelectionSolver.solve(instance)
            let run = try await runs.save(callID: scene.call.id, name: "Two", createdBy: scene.reviewers[2], form: [:], instance: instance,
                                          solution: solution, timeSeconds: 0, now: Date())
            // Read back as saved, newest first; a result that cannot be read is an error naming where.
            let read = try #require(try await runs.run(id: run.id, callID: scene.call.id))
            #expect(read.name == run.name && read.selected == run.selected && read.status == run.status && read.objective == run.objective
                    && read.instance == run.instance && read.form == run.form && read.createdBy == run.createdBy)
            #expect(abs(read.createdAt.timeIntervalSince(run.createdAt)) < 0.001)
            #expect(try await runs.runs(callID: scene.call.id).map(\.id) == [run.id])
            #expect(try await runs.run(id: run.id, callID: UUID()) == nil)
            try await harness.persistence.write { sql in try sql.run("UPDATE selection_runs SET result = '{cut' WHERE id = \(bind: run.id)") }
            await #expect(throws: StoreError.corrupt(table: "selection_runs", column: "result")) { try await runs.runs(callID: scene.call.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE selection_runs SET result = \(bind: String(decoding: try solution.json(timeSeconds: 0), as: UTF8.self)) WHERE id = \(bind: run.id)")
            }
            let decisions = DecisionStore(db: harness.persistence)
            let respondBy = Date().addingTimeInterval(7 * 86_400)
            let sent = try await decisions.send(runID: run.id, callID: scene.call.id, waitlistSize: 1, respondBy: respondBy, by: scene.reviewers[2],
                                                now: Date(), newToken: { ("t-\(UUID())", "h-\(UUID())") }) { application, decision, _ in
                OutgoingMessage(to: application.email, subject: "About your application", body: decision.outcome.rawValue)
            }
            #expect(sent.accepted == 2 && sent.waitlisted == 1 && sent.declined == 1)
            await #expect(throws: DomainError.conflict(.decisionsAlreadySent)) {
                _ = try await decisions.send(runID: run.id, callID: scene.call.id, waitlistSize: 1, respondBy: respondBy, by: scene.reviewers[2],
                                             now: Date(), newToken: { ("t", "h-\(UUID())") }) { application, _, _ in
                    OutgoingMessage(to: application.email, subject: "x", body: "x")
                }
            }
            let all = try await decisions.decisions(callID: scene.call.id)
            #expect(all.filter { $0.outcome == .accepted }.map(\.applicationID) == [scene.applications[2], scene.applications[3]])
            #expect(all.first { $0.outcome == .waitlisted }?.applicationID == scene.applications[1])
            // An outcome that cannot be read is an error, never taken for another.
            try await harness.persistence.write { sql in
                try sql.run("UPDATE selection_decisions SET outcome = 'maybe-later' WHERE application_id = \(bind: scene.applications[1])")
            }
            await #expect(throws: StoreError.corrupt(table: "selection_decisions", column: "outcome")) { try await decisions.decisions(callID: scene.call.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE selection_decisions SET outcome = 'waitlisted' WHERE application_id = \(bind: scene.applications[1])")
            }

            // One accepted applicant confirms and becomes a participant; the other declines.
            let confirmed = try await decisions.respond(applicationID: scene.applications[3], confirm: true, programID: scene.programID, now: Date())
            #expect(confirmed.response == .confirmed)
            let sql = try #require(harness.db as? any SQLDatabase)
            struct Count: Decodable { let n: Int }
            let enrolled = try await sql.raw("SELECT COUNT(*) AS n FROM enrolments WHERE program_id = \(bind: scene.programID) AND role = 'participant'")
                .first(decoding: Count.self)
            #expect(enrolled?.n == 1)
            await #expect(throws: DomainError.conflict(.offerNotOpen(.alreadyAnswered))) {
                _ = try await decisions.respond(applicationID: scene.applications[3], confirm: false, programID: scene.programID, now: Date())
            }
            _ = try await decisions.respond(applicationID: scene.applications[2], confirm: false, programID: scene.programID, now: Date())
            let replacement = try await decisions.proposedReplacement(for: scene.applications[2], callID: scene.call.id)
            #expect(replacement == all.first { $0.outcome == .waitlisted }?.reference)
            // Only offered places are answered, and only in time.
            await #expect(throws: DomainError.self) {
                _ = try await decisions.respond(applicationID: scene.applications[1], confirm: true, programID: scene.programID, now: Date())
            }
            // Once the freed place is offered again, nothing is proposed for it any more.
            let waiting = try #require(all.first { $0.outcome == .waitlisted })
            _ = try await decisions.offerPlace(applicationID: waiting.applicationID, callID: scene.call.id, respondBy: Date().addingTimeInterval(86_400),
                                               now: Date(), newToken: { ("token", "hash") },
                                               message: { application, _, _ in OutgoingMessage(to: application.email, subject: "Offer", body: "A place") })
            #expect(try await decisions.proposedReplacements(callID: scene.call.id).isEmpty)
        }
    }

    @Test func anOfferCannotBeAnsweredLate() {
        let decision = SelectionDecision(applicationID: UUID(), reference: "R-1", runID: UUID(), outcome: .accepted,
                                         respondBy: Date(timeIntervalSince1970: 1000), waitlistRank: nil)
        #expect(decision.refusal(at: Date(timeIntervalSince1970: 999)) == nil)
        #expect(decision.refusal(at: Date(timeIntervalSince1970: 1001)) == .timePassed)
    }
}
