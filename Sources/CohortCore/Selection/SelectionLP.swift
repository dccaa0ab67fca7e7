/// The linear-programming relaxation of a selection model, by a bounded-variable primal
/// simplex with a dense basis inverse (the model has one row per binding quota: tens, not
/// thousands). Items that belong to the same rows share one column and differ only in
/// cost, so pricing looks at two items per such type, not at every item.
///
/// The objective is lexicographic: the total score first, then the smallest sum of ranks,
/// so the relaxation's optimum already prefers lower ids among equal totals. Phase one
/// drives artificial variables out (minimising their sum) before the objective is used.
struct SelectionLP {
    enum Outcome {
        /// `rows`: the rows whose multipliers prove it (a Farkas certificate from phase one's
        /// optimum); those rows alone, with the bounds, cannot all hold.
        case infeasible(rows: [Int])
        /// The iteration limit was reached: no claim either way.
        case failed
        /// `values` per item; `score` and `rank` are the relaxation's sums of cost × value.
        case optimal(values: [Double], score: Double, rank: Double)
    }

    /// Row 0 of `typeRows` is the cohort row; each type lists the rows its items count in.
    let rowLower: [Double]
    let rowUpper: [Double]
    let typeRows: [[Int]]
    /// Items of each type, best first.
    let typeItems: [[Int]]
    let typeOfItem: [Int]
    /// Where each item sits in its type's list.
    let positionInType: [Int]
    let scoreCost: [Double]
    let rankCost: [Double]

    func solve(lower: [Double], upper: [Double], start: [Double]) -> Outcome {
        var tableau = SimplexState(lp: self, lower: lower, upper: upper, start: start)
        guard tableau.run(phase: .feasibility) else { return .failed }
        if tableau.infeasibility() > 1e-7 {
            let pi = tableau.duals(.feasibility)[0]
            return .infeasible(rows: pi.indices.filter { abs(pi[$0]) > 1e-9 })
        }
        tableau.retireArtificials()
        guard tableau.run(phase: .objective) else { return .failed }
        let values = Array(tableau.x[0..<scoreCost.count])
        var score = 0.0, rank = 0.0
        for (item, value) in values.enumerated() where value > 0 {
            score += scoreCost[item] * value
            rank += rankCost[item] * value
        }
        return .optimal(values: values, score: score, rank: rank)
    }
}
