import Foundation
import Testing
@testable import CohortCore

@Suite struct SelectionSolverTests {
    func applicant(_ id: String, _ score: Double?, _ attributes: [String: String] = [:]) -> SelectionApplicant {
        SelectionApplicant(id: id, score: score, attributes: attributes)
    }

    @Test func tooFewScoredApplicantsConflictWithNothingListed() throws {
        let instance = try SelectionInstance(cohortSize: 2, quotas: [SelectionQuota(attribute: "g", selector: .value("w"), min: 1)],
                                             applicants: [applicant("a", 1, ["g": "w"]), applicant("b", nil)])
        let solution = try SelectionSolver.solve(instance)
        #expect(solution.status == .infeasible)
        #expect(solution.conflict == SelectionConflict(quotas: [], include: [], exclude: []))
    }

    @Test func aMinimumOnAValueNobodyHasIsTheConflict() throws {
        let instance = try SelectionInstance(cohortSize: 1, quotas: [
            SelectionQuota(attribute: "country", selector: .value("MY"), max: 1),
            SelectionQuota(attribute: "country", selector: .each(["NP", "KH"]), min: 1),
        ], applicants: [applicant("a", 1, ["country": "NP"]), applicant("b", 2, ["country": "MY"])])
        let solution = try SelectionSolver.solve(instance)
        #expect(solution.conflict?.quotas == [1])
    }

    @Test func theCohortDoesNotDependOnTheOrderOfTheFile() throws {
        for seed in UInt64(0)..<200 {
            let instance = RandomSelectionInstance.make(seed: seed)
            var shuffled = instance
            var random = SplitMix64(seed: seed &+ 99)
            shuffled.applicants.shuffle(using: &random)
            shuffled.quotas.reverse()
            let (one, other) = (try SelectionSolver.solve(instance), try SelectionSolver.solve(shuffled))
            #expect(one.status == other.status && one.selected == other.selected && one.scaledObjective == other.scaledObjective, "seed \(seed)")
        }
    }

    @Test func organisationCapsHoldAmongManyApplicants() throws {
        // 60 applicants from 3 organisations, the best 40 all from org-1: at most 2 per organisation.
        let applicants = (0..<60).map { index in
            applicant(String(format: "p%02d", index), Double(100 - index), ["organization": index < 40 ? "org-1" : "org-\(2 + index % 2)"])
        }
        let instance = try SelectionInstance(cohortSize: 6, quotas: [SelectionQuota(attribute: "organization", selector: .each(nil), max: 2)],
                                             applicants: applicants)
        let solution = try SelectionSolver.solve(instance)
        #expect(solution.status == .optimal)
        #expect(solution.selected == ["p00", "p01", "p40", "p41", "p42", "p43"])
    }
}
