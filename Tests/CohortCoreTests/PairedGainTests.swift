import CohortCore
import Foundation
import Testing

@Suite struct PairedGainTests {
    /// Against published tables of Student's t (two-sided 95 %).
    @Test(arguments: [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (24, 2.064), (30, 2.042), (120, 1.980)])
    func tQuantilesMatchTheTables(df: Int, expected: Double) {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: df) - expected) < 0.0015)
    }

    @Test func theDistributionIsSymmetric() {
        #expect(abs(StudentT.cdf(0, degreesOfFreedom: 7) - 0.5) < 1e-12)
        #expect(abs(StudentT.cdf(-1.3, degreesOfFreedom: 4) + StudentT.cdf(1.3, degreesOfFreedom: 4) - 1) < 1e-12)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: 9) + StudentT.quantile(0.975, degreesOfFreedom: 9)) < 1e-9)
    }

    /// A worked example: gains 1, 2, 2, 3, 2 (mean 2, standard deviation √0.5).
    @Test func aWorkedExample() throws {
        let before = ["a": 2.0, "b": 1, "c": 3, "d": 2, "e": 2, "only-before": 4]
        let after = ["a": 3.0, "b": 3, "c": 5, "d": 5, "e": 4, "only-after": 5]
        let gain = try #require(PairedGain.compute(before: before, after: after))
        #expect(gain.pairs == 5 && gain.unpaired == 2)
        #expect(abs(gain.meanBefore - 2) < 1e-12 && abs(gain.meanAfter - 4) < 1e-12 && abs(gain.meanGain - 2) < 1e-12)
        let half = 2.776445 * 0.5.squareRoot() / 5.0.squareRoot()
        let interval = try #require(gain.confidenceInterval)
        #expect(abs(interval.lowerBound - (2 - half)) < 1e-4 && abs(interval.upperBound - (2 + half)) < 1e-4)
        #expect(abs(try #require(gain.effectSize) - 2 / 0.5.squareRoot()) < 1e-9)
    }

    @Test func tooFewPairsSayWhatTheyCan() {
        #expect(PairedGain.compute(before: ["a": 1.0], after: ["b": 2.0]) == nil)
        let one = PairedGain.compute(before: ["a": 1.0], after: ["a": 3.0])
        #expect(one?.pairs == 1 && one?.meanGain == 2 && one?.confidenceInterval == nil && one?.effectSize == nil)
        let same = PairedGain.compute(before: ["a": 1.0, "b": 2], after: ["a": 2.0, "b": 3])
        #expect(same?.confidenceInterval == 1...1 && same?.effectSize == nil, "no spread: an interval of one point, no effect size")
    }

    @Test func smallGroupsAreHiddenAndCannotBeWorkedOut() {
        let breakdown = SmallCells.suppress(["MY": 12, "NP": 2, "PH": 6, "BD": 7])
        #expect(breakdown.shown == ["MY": 12, "BD": 7], "Nepal's 2 is hidden, and the Philippines too, or Nepal would follow from the total")
        #expect(breakdown.hiddenGroups == 2)
        #expect(SmallCells.suppress(["MY": 12, "NP": 2, "PH": 1]).shown == ["MY": 12])
        #expect(SmallCells.suppress(["MY": 4]).shown.isEmpty)
        #expect(!SmallCells.mayShow(responses: 4) && SmallCells.mayShow(responses: 5))
    }
}
