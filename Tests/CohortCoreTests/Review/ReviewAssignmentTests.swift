import Foundation
import Testing
@testable import CohortCore

@Suite struct ReviewAssignmentTests {
    func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    @Test func withoutConflictsTheLoadIsEvenAndEveryoneGetsTheirReviews() {
        let applications = (0..<25).map { ReviewAssignment.Party(id: id(100 + $0)) }
        let reviewers = (0..<4).map { ReviewAssignment.Party(id: id($0)) }
        let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: [], declared: [],
                                         reviewsWanted: 3, avoidSameCountry: false)
        #expect(plan.added.count == 75 && plan.shortfall.isEmpty)
        #expect(plan.load.values.max()! - plan.load.values.min()! <= 1)
        #expect(Set(plan.added).count == 75)
    }

    @Test func conflictsAreNeverAssignedAndTheHeaviestLoadIsAsLightAsPossible() {
        // Reviewer 0 works at org-1 and is from MY; six of the eight applicants are from org-1 or MY.
        let reviewers = [ReviewAssignment.Party(id: id(0), organisation: "Org-1 ", country: "MY"),
                         ReviewAssignment.Party(id: id(1), organisation: "org-2", country: "NP"),
                         ReviewAssignment.Party(id: id(2), organisation: "org-3", country: "BD")]
        let applications = (0..<8).map { n in
            ReviewAssignment.Party(id: id(100 + n), organisation: n < 3 ? "org-1" : "org-\(10 + n)", country: n < 6 ? "MY" : "PH")
        }
        let declared: Set = [ReviewAssignment.Pair(applicationID: id(107), reviewerID: id(1))]
        let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: [], declared: declared,
                                         reviewsWanted: 2, avoidSameCountry: true)
        for pair in plan.added {
            let applicant = applications.first { $0.id == pair.applicationID }!, reviewer = reviewers.first { $0.id == pair.reviewerID }!
            #expect(ReviewAssignment.conflict(applicant: applicant, reviewer: reviewer, declared: declared, avoidSameCountry: true) == nil)
        }
        // Reviewer 0 may only take applicants 6 and 7; 107 may not go to reviewer 1, so it gets 0 and 2.
        #expect(plan.shortfall.isEmpty)
        #expect(plan.load == [id(0): 2, id(1): 7, id(2): 7])
    }

    @Test func whenTooFewReviewersAreFreeTheShortfallIsReported() {
        let reviewers = [ReviewAssignment.Party(id: id(0), organisation: "org-1"), ReviewAssignment.Party(id: id(1))]
        let applications = [ReviewAssignment.Party(id: id(100), organisation: "org-1"), ReviewAssignment.Party(id: id(101))]
        let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: [], declared: [],
                                         reviewsWanted: 2, avoidSameCountry: false)
        #expect(plan.shortfall == [id(100): 1])
        #expect(plan.added.count == 3)
    }

    @Test func existingAssignmentsCountTowardsLoadAndReviews() {
        let reviewers = (0..<2).map { ReviewAssignment.Party(id: id($0)) }
        let applications = (0..<4).map { ReviewAssignment.Party(id: id(100 + $0)) }
        let existing: Set = [ReviewAssignment.Pair(applicationID: id(100), reviewerID: id(0)),
                             ReviewAssignment.Pair(applicationID: id(101), reviewerID: id(0))]
        let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: existing, declared: [],
                                         reviewsWanted: 1, avoidSameCountry: false)
        #expect(Set(plan.added) == [ReviewAssignment.Pair(applicationID: id(102), reviewerID: id(1)),
                                    ReviewAssignment.Pair(applicationID: id(103), reviewerID: id(1))])
        #expect(plan.load == [id(0): 2, id(1): 2])
    }

    @Test func newWorkIsSpreadEvenWhenSomeReviewersAlreadyCarryMore() {
        // Two reviewers already review all twenty; two new ones share the third review of each.
        let applications = (0..<20).map { ReviewAssignment.Party(id: id(100 + $0)) }
        let reviewers = (0..<4).map { ReviewAssignment.Party(id: id($0)) }
        let existing = Set(applications.flatMap { application in
            [0, 1].map { ReviewAssignment.Pair(applicationID: application.id, reviewerID: id($0)) }
        })
        let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: existing, declared: [],
                                         reviewsWanted: 3, avoidSameCountry: false)
        #expect(plan.added.count == 20 && plan.load == [id(0): 20, id(1): 20, id(2): 10, id(3): 10])
    }

    @Test func randomPlansMeetEveryRule() {
        var random = SplitMix64(seed: 42)
        for round in 0..<200 {
            let reviewers = (0..<Int.random(in: 1...6, using: &random)).map {
                ReviewAssignment.Party(id: id($0), organisation: "org-\(Int.random(in: 0...3, using: &random))",
                                       country: ["MY", "NP", "BD"].randomElement(using: &random))
            }
            let applications = (0..<Int.random(in: 0...30, using: &random)).map {
                ReviewAssignment.Party(id: id(100 + $0), organisation: "org-\(Int.random(in: 0...6, using: &random))",
                                       country: ["MY", "NP", "BD", "PH"].randomElement(using: &random))
            }
            let wanted = Int.random(in: 1...3, using: &random)
            let sameCountry = Bool.random(using: &random)
            let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: [], declared: [],
                                             reviewsWanted: wanted, avoidSameCountry: sameCountry)
            for application in applications {
                let free = reviewers.filter {
                    ReviewAssignment.conflict(applicant: application, reviewer: $0, declared: [], avoidSameCountry: sameCountry) == nil
                }
                let got = plan.added.filter { $0.applicationID == application.id }
                #expect(got.allSatisfy { pair in free.contains { $0.id == pair.reviewerID } }, "round \(round)")
                #expect(got.count == min(wanted, free.count), "round \(round)")
            }
            // Shuffling the input gives the same plan.
            let again = ReviewAssignment.plan(applications: applications.shuffled(using: &random), reviewers: reviewers.reversed(),
                                              existing: [], declared: [], reviewsWanted: wanted, avoidSameCountry: sameCountry)
            #expect(again == plan, "round \(round)")
        }
    }
}

