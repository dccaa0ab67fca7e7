import Foundation
import Testing
@testable import CohortCore

@Suite struct ReviewAggregationTests {
    let rubric = Rubric(criteria: [
        Rubric.Criterion(key: "experience", name: "Experience", weight: 2),
        Rubric.Criterion(key: "motivation", name: "Motivation", weight: 1),
    ])

    func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    func review(_ reviewer: Int, _ application: Int, _ experience: Int, _ motivation: Int) -> Review {
        Review(reviewerID: id(reviewer), applicationID: id(application), scores: ["experience": experience, "motivation": motivation],
               recommendation: .maybe)
    }

    @Test func weightedMeanPutsEveryCriterionOnTheRubricsScale() {
        #expect(review(1, 1, 5, 2).weightedMean(rubric) == 4)
        let mixed = Rubric(criteria: [Rubric.Criterion(key: "a", name: "A", lowest: 1, highest: 5),
                                      Rubric.Criterion(key: "b", name: "B", lowest: 0, highest: 10)])
        // b = 10 is the top of the common 0...10 scale; a = 5 is the top too.
        #expect(Review(reviewerID: id(1), applicationID: id(1), scores: ["a": 5, "b": 10], recommendation: .recommend).weightedMean(mixed) == 10)
        #expect(Review(reviewerID: id(1), applicationID: id(1), scores: ["a": 5], recommendation: .recommend).weightedMean(mixed) == nil)
    }

    @Test func calibrationCorrectsALenientAndAHarshReviewer() {
        // Reviewer 1 scores everything a point higher than reviewer 2 would, with the same spread.
        let lenient = [(10, 5, 5), (11, 5, 3), (12, 4, 4), (13, 4, 2)].map { review(1, $0.0, $0.1, $0.2) }
        let harsh = [(20, 4, 4), (21, 4, 2), (22, 3, 3), (23, 3, 1)].map { review(2, $0.0, $0.1, $0.2) }
        let aggregation = ReviewAggregation(rubric: rubric, reviews: lenient + harsh)
        let byApplication = Dictionary(uniqueKeysWithValues: aggregation.scores.map { ($0.applicationID, $0) })
        #expect(byApplication[id(10)]!.average == byApplication[id(20)]!.average + 1)
        #expect(abs(byApplication[id(10)]!.calibrated - byApplication[id(20)]!.calibrated) < 1e-9)
        #expect(abs(byApplication[id(12)]!.calibrated - byApplication[id(22)]!.calibrated) < 1e-9)
        #expect(aggregation.reviewers.allSatisfy { $0.isCalibrated })
        // Calibrated scores stay on the scale.
        #expect(aggregation.scores.allSatisfy { (1...5).contains($0.calibrated) })
    }

    @Test func aReviewerWithFewReviewsOrNoSpreadIsLeftAsScored() {
        let reviews = [review(1, 10, 5, 5), review(1, 11, 4, 4), review(2, 10, 3, 3), review(2, 11, 3, 3), review(2, 12, 3, 3)]
        let aggregation = ReviewAggregation(rubric: rubric, reviews: reviews)
        #expect(aggregation.reviewers.map(\.isCalibrated) == [false, false])
        #expect(aggregation.scores.allSatisfy { $0.average == $0.calibrated })
    }

    @Test func wideDisagreementIsFlaggedForDiscussion() {
        let aggregation = ReviewAggregation(rubric: rubric, reviews: [review(1, 10, 1, 1), review(2, 10, 5, 5), review(1, 11, 3, 3), review(2, 11, 4, 3)])
        let byApplication = Dictionary(uniqueKeysWithValues: aggregation.scores.map { ($0.applicationID, $0) })
        #expect(byApplication[id(10)]!.spread == 4 && byApplication[id(10)]!.needsDiscussion)
        #expect(!byApplication[id(11)]!.needsDiscussion)
    }

    @Test func incompleteReviewsAreLeftOut() {
        let partial = Review(reviewerID: id(3), applicationID: id(10), scores: ["experience": 5], recommendation: .recommend)
        let aggregation = ReviewAggregation(rubric: rubric, reviews: [review(1, 10, 2, 2), partial])
        #expect(aggregation.scores.map(\.reviewCount) == [1])
        #expect(partial.problems(against: rubric).map(\.field) == ["motivation"])
        #expect(review(1, 1, 6, 0).problems(against: rubric).map(\.field) == ["experience", "motivation"])
    }

    @Test func krippendorffsAlphaMatchesThePublishedExample() throws {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units, interval alpha 0.849.
        let observers: [[Double?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { unit in observers.compactMap { $0[unit] } }
        let alpha = try #require(KrippendorffAlpha.interval(units: units))
        #expect(abs(alpha - 0.849) < 0.0005)
        #expect(KrippendorffAlpha.interval(units: [[2, 2], [4, 4], [1, 1]]) == 1)
        #expect(KrippendorffAlpha.interval(units: [[2], [4]]) == nil)
        #expect(KrippendorffAlpha.interval(units: [[3, 3], [3, 3]]) == nil)
    }

    @Test func rubricProblemsAreNamedFieldByField() {
        let broken = Rubric(criteria: [Rubric.Criterion(key: "a", name: " ", weight: 0),
                                       Rubric.Criterion(key: "a", name: "Again", lowest: 5, highest: 1)], reviewsWanted: 0)
        #expect(Set(broken.problems.map(\.field)) == ["reviewsWanted", "criteria[0].name", "criteria[0].weight", "criteria[1].key", "criteria[1].scale"])
        #expect(Rubric(criteria: []).problems.map(\.field) == ["criteria"])
        #expect(rubric.problems.isEmpty)
    }
}
