import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct ReviewStoreTests {
    static let rubric = Rubric(criteria: [Rubric.Criterion(key: "experience", name: "Experience", weight: 2),
                                          Rubric.Criterion(key: "motivation", name: "Motivation")], reviewsWanted: 2)

    struct Scene {
        let call: Call
        let programID: UUID
        let reviewers: [UUID]
        let applications: [UUID]
    }

    /// An open call with five submitted applications (two from "Tenaganita", one not eligible
    /// by override) and three reviewers, one of whom works at Tenaganita.
    static func scene(_ harness: StoreHarness) async throws -> Scene {
        let call = try await StoreFixtures.openCall(harness.persistence)
        let accounts = AccountStore(db: harness.persistence)
        let organisation = Organisation(id: UUID(), name: "Tenaganita", acronym: nil, country: Country(code: "MY"), kind: .ngo)
        try await OrganisationStore(db: harness.persistence).create(organisation, now: Date())
        var reviewers: [UUID] = []
        for n in 0..<3 {
            let account = try await accounts.create(email: "reviewer\(n)@example.org", name: "Reviewer \(n)", passwordHash: "x", role: .member, now: Date())
            try await accounts.addMember(programID: call.programID, accountID: account.id, role: .reviewer)
            reviewers.append(account.id)
        }
        try await accounts.update(id: reviewers[0], name: "Reviewer 0", role: .member, isActive: true, organisationID: .some(organisation.id), now: Date())
        let store = ApplicationStore(db: harness.persistence)
        var applications: [UUID] = []
        for n in 0..<5 {
            let application = try await ApplicationDecisionStoreTests.started(store, callID: call.id, email: "a\(n)@example.org")
            _ = try await store.save(id: application.id, answers: ["organisation": .text(n < 2 ? " tenaganita" : "Org \(n)"),
                                                                   "nationality": .text("NP")], language: nil, now: Date())
            _ = try await store.submit(id: application.id, now: Date(), receipt: { OutgoingMessage(to: $0.email, subject: "Receipt", body: "") })
            applications.append(application.id)
        }
        _ = try await store.overrideEligibility(id: applications[4], eligible: false, note: "Not a civil society organisation.",
                                                by: reviewers[1], now: Date())
        return Scene(call: call, programID: call.programID, reviewers: reviewers, applications: applications)
    }

    @Test(arguments: TestDatabaseKind.all)
    func automaticAssignmentAvoidsConflictsAndSkipsIneligible(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let reviews = ReviewStore(db: harness.persistence)
            await #expect(throws: DomainError.self) { _ = try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date()) }
            try await reviews.save(.init(rubric: Self.rubric, isBlind: true, avoidsSameCountry: false), callID: scene.call.id)
            #expect(try await reviews.settings(callID: scene.call.id) == .init(rubric: Self.rubric, isBlind: true, avoidsSameCountry: false))
            let plan = try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date())
            #expect(plan.added.count == 8 && plan.shortfall.isEmpty)
            // Reviewer 0 works at Tenaganita: never on applications 0 and 1; nobody on the ineligible one.
            #expect(!plan.added.contains { $0.reviewerID == scene.reviewers[0] && scene.applications.prefix(2).contains($0.applicationID) })
            #expect(!plan.added.contains { $0.applicationID == scene.applications[4] })
            #expect(Set(plan.load.values) == [2, 3])
            // Running it again adds nothing.
            #expect(try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date()).added.isEmpty)
            let queue = try await reviews.queue(callID: scene.call.id, reviewerID: scene.reviewers[1])
            #expect(queue.count == plan.load[scene.reviewers[1]] && queue.allSatisfy { !$0.isReviewed })
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func reviewsAreTakenOnlyFromAssignedReviewersAndChecked(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let reviews = ReviewStore(db: harness.persistence)
            try await reviews.save(.init(rubric: Self.rubric, isBlind: false, avoidsSameCountry: false), callID: scene.call.id)
            let plan = try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date())
            let mine = try #require(plan.added.first { $0.reviewerID == scene.reviewers[2] })
            let notMine = try #require(scene.applications.prefix(4).first { id in !plan.added.contains { $0.applicationID == id && $0.reviewerID == scene.reviewers[2] } })
            let good = Review(reviewerID: scene.reviewers[2], applicationID: mine.applicationID, scores: ["experience": 4, "motivation": 5],
                              comment: " Strong casework. ", recommendation: .recommend)
            await #expect(throws: DomainError.forbidden) {
                try await reviews.save(Review(reviewerID: scene.reviewers[2], applicationID: notMine, scores: good.scores, recommendation: .maybe), now: Date())
            }
            do {
                try await reviews.save(Review(reviewerID: scene.reviewers[2], applicationID: mine.applicationID, scores: ["experience": 9],
                                              recommendation: .maybe), now: Date())
                Issue.record("an incomplete review was saved")
            } catch let failure as ValidationFailure {
                #expect(failure.errors.map(\.field) == ["experience", "motivation"])
            }
            try await reviews.save(good, now: Date())
            var changed = good
            changed.scores["experience"] = 3
            try await reviews.save(changed, now: Date())
            let saved = try await reviews.reviews(callID: scene.call.id)
            #expect(saved.count == 1 && saved[0].scores == ["experience": 3, "motivation": 5] && saved[0].comment == "Strong casework.")
            let queue = try await reviews.queue(callID: scene.call.id, reviewerID: scene.reviewers[2])
            #expect(queue.first { $0.applicationID == mine.applicationID }?.isReviewed == true)
            let aggregation = try #require(try await reviews.aggregation(callID: scene.call.id))
            #expect(aggregation.scores.map(\.applicationID) == [mine.applicationID])
            #expect(abs(aggregation.scores[0].average - 11.0 / 3.0) < 1e-9)
            // A review that cannot be read back is an error, never a recommendation or a score made up.
            try await harness.persistence.write { sql in
                try sql.run("UPDATE reviews SET recommendation = 'perhaps' WHERE application_id = \(bind: mine.applicationID)")
            }
            await #expect(throws: StoreError.corrupt(table: "reviews", column: "recommendation")) { try await reviews.reviews(callID: scene.call.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE reviews SET recommendation = 'maybe', scores = '{\"experience\": \"high\"}' WHERE application_id = \(bind: mine.applicationID)")
            }
            await #expect(throws: StoreError.corrupt(table: "reviews", column: "scores")) {
                try await reviews.review(applicationID: mine.applicationID, reviewerID: scene.reviewers[2])
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func declaringAConflictHandsTheApplicationToSomeoneElse(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let reviews = ReviewStore(db: harness.persistence)
            try await reviews.save(.init(rubric: Rubric(criteria: Self.rubric.criteria, reviewsWanted: 1), isBlind: false, avoidsSameCountry: false),
                                   callID: scene.call.id)
            let plan = try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date())
            let pair = try #require(plan.added.first { $0.applicationID == scene.applications[2] })
            try await reviews.save(Review(reviewerID: pair.reviewerID, applicationID: pair.applicationID,
                                          scores: ["experience": 1, "motivation": 1], recommendation: .doNotRecommend), now: Date())
            let replacement = try await reviews.declareConflict(applicationID: pair.applicationID, reviewerID: pair.reviewerID,
                                                                programID: scene.programID, note: "I know this person.", now: Date())
            #expect(replacement != nil && replacement != pair.reviewerID)
            #expect(try await !reviews.isAssigned(applicationID: pair.applicationID, reviewerID: pair.reviewerID))
            #expect(try await reviews.isAssigned(applicationID: pair.applicationID, reviewerID: replacement!))
            // The conflicted reviewer's review is gone, and automatic assignment never brings them back.
            #expect(try await reviews.reviews(callID: scene.call.id).isEmpty)
            #expect(try await reviews.autoAssign(callID: scene.call.id, programID: scene.programID, now: Date()).added.isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aRubricWithProblemsIsRefused(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            do {
                try await ReviewStore(db: harness.persistence).save(.init(rubric: Rubric(criteria: []), isBlind: false, avoidsSameCountry: false), callID: call.id)
                Issue.record("saved")
            } catch let failure as ValidationFailure {
                #expect(failure.errors.map(\.field) == ["criteria"])
            }
            #expect(try await ReviewStore(db: harness.persistence).settings(callID: call.id).rubric == nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func managersAssignByHandButNeverAcrossAConflict(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let reviews = ReviewStore(db: harness.persistence)
            try await reviews.save(.init(rubric: Self.rubric, isBlind: false, avoidsSameCountry: false), callID: scene.call.id)
            let manager = scene.reviewers[2]
            // Reviewer 0 works at Tenaganita, like applicant 0.
            await #expect(throws: FieldRefusal(.reviewerSameOrganisation)) {
                try await reviews.assign(applicationID: scene.applications[0], reviewerID: scene.reviewers[0], callID: scene.call.id,
                                         programID: scene.programID, by: manager, now: Date())
            }
            try await reviews.assign(applicationID: scene.applications[2], reviewerID: scene.reviewers[0], callID: scene.call.id,
                                     programID: scene.programID, by: manager, now: Date())
            // Twice is once.
            try await reviews.assign(applicationID: scene.applications[2], reviewerID: scene.reviewers[0], callID: scene.call.id,
                                     programID: scene.programID, by: manager, now: Date())
            #expect(try await reviews.queue(callID: scene.call.id, reviewerID: scene.reviewers[0]).map(\.applicationID) == [scene.applications[2]])
            // Not an application under review (ineligible by override), and not a reviewer of the program.
            await #expect(throws: DomainError.self) {
                try await reviews.assign(applicationID: scene.applications[4], reviewerID: scene.reviewers[1], callID: scene.call.id,
                                         programID: scene.programID, by: manager, now: Date())
            }
            await #expect(throws: FieldRefusal(.reviewerNotInProgram)) {
                try await reviews.assign(applicationID: scene.applications[2], reviewerID: UUID(), callID: scene.call.id,
                                         programID: scene.programID, by: manager, now: Date())
            }
            // A written review pins the assignment; before it, the manager can take it back.
            try await reviews.save(Review(reviewerID: scene.reviewers[0], applicationID: scene.applications[2],
                                          scores: ["experience": 3, "motivation": 3], recommendation: .maybe), now: Date())
            await #expect(throws: DomainError.self) {
                try await reviews.unassign(applicationID: scene.applications[2], reviewerID: scene.reviewers[0], callID: scene.call.id)
            }
            try await reviews.assign(applicationID: scene.applications[3], reviewerID: scene.reviewers[0], callID: scene.call.id,
                                     programID: scene.programID, by: manager, now: Date())
            try await reviews.unassign(applicationID: scene.applications[3], reviewerID: scene.reviewers[0], callID: scene.call.id)
            #expect(try await !reviews.isAssigned(applicationID: scene.applications[3], reviewerID: scene.reviewers[0]))
        }
    }
}
