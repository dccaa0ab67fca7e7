import Foundation
import Testing
@testable import CohortCore

/// The solver against exhaustive search on thousands of random instances of up to 20
/// applicants: same cohort (so the same total and the same tie-break), every rule met,
/// infeasible exactly when nothing is, and every reported conflict irreducible.
@Suite struct SelectionSolverPropertyTests {
    @Test(arguments: 0..<8)
    func agreesWithExhaustiveSearch(batch: Int) throws {
        var infeasible = 0
        for seed in UInt64(batch * 400)..<UInt64(batch * 400 + 400) {
            let instance = RandomSelectionInstance.make(seed: seed)
            let solution = try SelectionSolver.solve(instance)
            let reference = SelectionReference.best(instance)
            if let reference {
                #expect(solution.status == .optimal, "seed \(seed)")
                #expect(solution.selected == reference.selected, "seed \(seed)")
                #expect(abs((solution.objective ?? -1) - Double(reference.cents) / 100) < 1e-9, "seed \(seed)")
                let chosen = instance.applicants.filter { solution.selected.contains($0.id) }
                #expect(SelectionReference.isValid(chosen, in: instance), "seed \(seed)")
            } else {
                infeasible += 1
                #expect(solution.status == .infeasible, "seed \(seed)")
                #expect(solution.selected.isEmpty)
                let conflict = try #require(solution.conflict, "seed \(seed)")
                try expectIrreducible(conflict, of: instance, seed: seed)
            }
        }
        // The generator must exercise both outcomes, or the test proves little.
        #expect(infeasible > 20 && infeasible < 380)
    }

    func expectIrreducible(_ conflict: SelectionConflict, of instance: SelectionInstance, seed: UInt64) throws {
        let restricted = SelectionReference.restricted(instance, to: conflict)
        #expect(SelectionReference.best(restricted) == nil, "seed \(seed): the conflict's rules can all hold")
        for quota in conflict.quotas.indices {
            var fewer = restricted
            fewer.quotas.remove(at: quota)
            #expect(SelectionReference.best(fewer) != nil, "seed \(seed): quota \(conflict.quotas[quota]) is not needed")
        }
        for id in conflict.include {
            var fewer = restricted
            fewer.include.removeAll { $0 == id }
            #expect(SelectionReference.best(fewer) != nil, "seed \(seed): include \(id) is not needed")
        }
        for id in conflict.exclude {
            var fewer = restricted
            fewer.exclude.removeAll { $0 == id }
            #expect(SelectionReference.best(fewer) != nil, "seed \(seed): exclude \(id) is not needed")
        }
    }
}
