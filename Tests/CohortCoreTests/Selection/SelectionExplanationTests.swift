import Foundation
import Testing
@testable import CohortCore

@Suite struct SelectionExplanationTests {
    // Six applicants; at least two women, at most one from MY.
    let instance = try! SelectionInstance(cohortSize: 3, quotas: [
        SelectionQuota(attribute: "gender", selector: .value("woman"), min: 2),
        SelectionQuota(attribute: "country", selector: .value("MY"), max: 1),
    ], applicants: [
        SelectionApplicant(id: "a", score: 5, attributes: ["gender": "man", "country": "MY"]),
        SelectionApplicant(id: "b", score: 4.5, attributes: ["gender": "man", "country": "MY"]),
        SelectionApplicant(id: "c", score: 4, attributes: ["gender": "man", "country": "NP"]),
        SelectionApplicant(id: "d", score: 3, attributes: ["gender": "woman", "country": "NP"]),
        SelectionApplicant(id: "e", score: 2, attributes: ["gender": "woman", "country": "BD"]),
        SelectionApplicant(id: "f", score: 1, attributes: ["gender": "woman", "country": "MY"]),
    ])

    @Test func explainsWhoIsInAndWhoWasKeptOut() throws {
        let solution = try SelectionSolver.solve(instance)
        #expect(solution.selected == ["a", "d", "e"])
        let explanation = SelectionExplanation(instance: instance, selected: solution.selected, attributes: ["gender", "country"])
        #expect(explanation.reasons == ["a": .score(rank: 1), "d": .quota([0]), "e": .quota([0])])
        // b is kept out by the MY cap (and swapping for e would leave too few women); c by the women's minimum.
        #expect(explanation.leftOut.map(\.id) == ["b", "c"])
        #expect(explanation.leftOut[0].blockingQuotas == [0, 1])
        #expect(explanation.leftOut[1].blockingQuotas == [0])
        // If a withdrew, b (also from MY) keeps every quota; if d or e withdrew, only f (a woman)
        // could come, but f is from MY and a already is.
        #expect(explanation.replacements["a"] == .some("b"))
        #expect(explanation.replacements["d"] == .some(nil))
        #expect(explanation.composition["gender"] == [SelectionExplanation.Share(value: "man", selected: 1, pool: 3),
                                                      SelectionExplanation.Share(value: "woman", selected: 2, pool: 3)])
    }

    @Test func decisionsAcceptTheCohortWaitlistTheNextAndProposeReplacementsThatKeepQuotas() throws {
        let selected = try SelectionSolver.solve(instance).selected
        let plan = SelectionDecisionPlan.make(instance: instance, selected: selected, waitlistSize: 2)
        #expect(plan.filter { $0.outcome == .accepted }.map(\.reference) == ["a", "d", "e"])
        #expect(plan.filter { $0.outcome == .waitlisted }.map(\.reference) == ["b", "c"])
        #expect(plan.filter { $0.outcome == .waitlisted }.map(\.waitlistRank) == [1, 2])
        #expect(plan.filter { $0.outcome == .declined }.map(\.reference) == ["f"])
        // a (from MY) leaving: b, also from MY, keeps every quota. d leaving: the waitlist has no woman.
        #expect(SelectionDecisionPlan.replacement(for: "a", instance: instance, cohort: selected, waitlist: ["b", "c"]) == "b")
        #expect(SelectionDecisionPlan.replacement(for: "d", instance: instance, cohort: selected, waitlist: ["b", "c"]) == nil)
        // f is a woman but not on the waitlist, so she is not proposed.
        #expect(SelectionDecisionPlan.replacement(for: "e", instance: instance, cohort: selected, waitlist: ["b", "c"]) == nil)
    }

    @Test func eachQuotaSaysWhatTheCohortReaches() throws {
        let selected = Set(try SelectionSolver.solve(instance).selected)
        let cohort = instance.applicants.filter { selected.contains($0.id) }
        #expect(instance.quotas[0].countSummary(cohort: cohort, pool: instance.applicants) == "2 selected")
        let byCountry = SelectionQuota(attribute: "country", selector: .each(nil), max: 2)
        #expect(byCountry.countSummary(cohort: cohort, pool: instance.applicants) == "highest 1 (BD, MY, NP), lowest 1")
        let listed = SelectionQuota(attribute: "country", selector: .each(["NP", "PH"]), min: 1)
        #expect(listed.countSummary(cohort: cohort, pool: instance.applicants) == "NP 1, PH 0")
    }

    @Test func includedPeopleAreSaidToBeIncluded() throws {
        var forced = instance
        forced.include = ["f"]
        forced.quotas.removeLast()
        let solution = try SelectionSolver.solve(forced)
        let explanation = SelectionExplanation(instance: forced, selected: solution.selected, attributes: [])
        #expect(explanation.reasons["f"] == .included)
    }

    @Test func replacementsKeepEveryQuotaAndNoBetterOneDoes() throws {
        for seed in UInt64(0)..<300 {
            let instance = RandomSelectionInstance.make(seed: seed, maxApplicants: 14)
            let solution = try SelectionSolver.solve(instance)
            guard solution.status == .optimal else { continue }
            let explanation = SelectionExplanation(instance: instance, selected: solution.selected, attributes: [])
            let byID = Dictionary(uniqueKeysWithValues: instance.applicants.map { ($0.id, $0) })
            for leaving in solution.selected where !instance.include.contains(leaving) {
                let stay = solution.selected.filter { $0 != leaving }
                let valid = instance.applicants.filter { candidate in
                    candidate.score != nil && !solution.selected.contains(candidate.id)
                        && SelectionReference.isValid((stay + [candidate.id]).map { byID[$0]! }, in: instance)
                }
                // Best: highest score, then the lowest id.
                let best = valid.min { $0.score! != $1.score! ? $0.score! > $1.score! : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
                #expect(explanation.replacements[leaving] == .some(best?.id), "seed \(seed), \(leaving) leaves")
            }
        }
    }
}
