import Foundation

/// The cohort with the highest total score that meets every rule, proved optimal; or the
/// proof that none exists with a smallest set of rules that conflict.
public enum SelectionSolver {
    public static func solve(_ instance: SelectionInstance) throws -> SelectionSolution {
        let problem = SelectionProblem(instance)
        let all = SelectionRuleSet.all(problem, quotaCount: instance.quotas.count)
        var suspects: Set<Int>?
        switch SelectionModel.make(problem, rules: all) {
        case .contradiction(let quotas):
            suspects = quotas
        case .model(let model):
            var search = SelectionSearch(model: model, goal: .best)
            if let cohort = try run(&search) {
                let chosen = model.forced + cohort.items.map { model.items[$0] }
                let total = chosen.reduce(Int64(0)) { $0 + problem.scaledScores[$1]! }
                return SelectionSolution(status: .optimal, selected: chosen.map { problem.ids[$0] }.sorted(by: Self.codePointOrder),
                                         scaledObjective: total, decimals: problem.decimals, conflict: nil)
            }
            suspects = search.rootConflict.map { Set($0.map { model.rows[$0].quota }) }
        }
        let conflict = try SelectionConflictSearch(problem: problem, quotaCount: instance.quotas.count).smallestConflict(suspects: suspects)
        return SelectionSolution(status: .infeasible, selected: [], scaledObjective: nil, decimals: problem.decimals, conflict: conflict)
    }

    /// Whether some cohort meets the rules that are on.
    static func isFeasible(_ problem: SelectionProblem, rules: SelectionRuleSet) throws -> Bool {
        guard let model = SelectionModel.build(problem, rules: rules) else { return false }
        var search = SelectionSearch(model: model, goal: .anyCohort)
        return try run(&search) != nil
    }

    private static func run(_ search: inout SelectionSearch) throws -> SelectionSearch.Cohort? {
        do {
            return try search.run()
        } catch is SelectionSearch.DidNotConverge {
            throw SelectionSolverError("The solver did not converge on this instance; please report it with the file.")
        }
    }

    static func codePointOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

public struct SelectionSolverError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A deletion filter: starting from every rule, each rule in turn is left out for good when
/// the rest still cannot all hold. What remains is irreducible: without any one of its
/// rules, the others can be met. When the relaxation alone was infeasible, its certificate
/// names the quotas that matter, and the filter starts from those instead of from all.
struct SelectionConflictSearch {
    let problem: SelectionProblem
    let quotaCount: Int

    func smallestConflict(suspects: Set<Int>? = nil) throws -> SelectionConflict {
        var rules = SelectionRuleSet.all(problem, quotaCount: quotaCount)
        let none = SelectionRuleSet(quotas: rules.quotas.map { _ in false }, include: rules.include.map { _ in false },
                                    exclude: rules.exclude.map { _ in false })
        if try !SelectionSolver.isFeasible(problem, rules: none) { return conflict(none) }
        if let suspects {
            var narrowed = rules
            narrowed.quotas = rules.quotas.indices.map { suspects.contains($0) }
            if try !SelectionSolver.isFeasible(problem, rules: narrowed) { rules = narrowed }
        }
        // Forced ids first: they are cheap to test and often the whole story.
        for position in rules.include.indices {
            rules.include[position] = false
            if try SelectionSolver.isFeasible(problem, rules: rules) { rules.include[position] = true }
        }
        for position in rules.exclude.indices {
            rules.exclude[position] = false
            if try SelectionSolver.isFeasible(problem, rules: rules) { rules.exclude[position] = true }
        }
        for quota in rules.quotas.indices where rules.quotas[quota] {
            rules.quotas[quota] = false
            if try SelectionSolver.isFeasible(problem, rules: rules) { rules.quotas[quota] = true }
        }
        return conflict(rules)
    }

    private func conflict(_ rules: SelectionRuleSet) -> SelectionConflict {
        func ids(_ indices: [Int], _ on: [Bool]) -> [String] {
            var seen = Set<String>()
            return indices.enumerated().compactMap { on[$0.offset] ? problem.ids[$0.element] : nil }.filter { seen.insert($0).inserted }
        }
        return SelectionConflict(quotas: rules.quotas.indices.filter { rules.quotas[$0] }, include: ids(problem.include, rules.include),
                                 exclude: ids(problem.exclude, rules.exclude))
    }
}
