import Foundation

/// Branch and bound over how many items of each type are taken. Items of a type belong to
/// the same rows, so for a given count the best choice is the type's first items in order
/// (score, then rank): branching on a type's count is enough, and a leaf is canonical.
/// Rows of `each` quotas join the model when a solution breaks them; the search then starts
/// again with the rows it has learnt, keeping the best cohort found (it met every row).
struct SelectionSearch {
    enum Goal { case best, anyCohort }

    struct Cohort {
        /// Item indices.
        let items: [Int]
        let score: Int64
        let rank: Int64
    }

    struct DidNotConverge: Error {}

    let model: SelectionModel
    let goal: Goal
    private(set) var modelRows: [Int]
    private var inModel: [Bool]
    private(set) var nodes = 0
    /// When the root relaxation has no solution: the model rows that prove it (indices into `model.rows`).
    private(set) var rootConflict: [Int]?

    init(model: SelectionModel, goal: Goal) {
        self.model = model
        self.goal = goal
        modelRows = model.rows.indices.filter { !model.rows[$0].isLazy }
        inModel = model.rows.map { !$0.isLazy }
    }

    /// The best cohort (or, for `.anyCohort`, the first found); `nil` when there is none.
    mutating func run() throws -> Cohort? {
        var best: Cohort?
        var start = greedyStart()
        restart: while true {
            let shape = SelectionShape(model: model, rows: modelRows)
            var stack: [Bounds] = [Bounds(lower: [Int](repeating: 0, count: shape.typeItems.count), upper: shape.typeItems.map(\.count))]
            var atRoot = true
            while let node = stack.popLast() {
                defer { atRoot = false }
                nodes += 1
                let (lower, upper) = shape.itemBounds(node)
                switch shape.lp.solve(lower: lower, upper: upper, start: start) {
                case .failed:
                    throw DidNotConverge()
                case .infeasible(let rows):
                    if atRoot { rootConflict = rows.filter { $0 > 0 }.map { shape.rows[$0 - 1] } }
                    continue
                case .optimal(let values, let scoreValue, let rankValue):
                    start = values.map { $0 > 0.5 ? 1 : 0 }
                    if atRoot, addBrokenRows(values: values) { continue restart }
                    if goal == .best, let best, shape.cannotImprove(on: best, score: scoreValue, rank: rankValue) { continue }
                    let counts = shape.typeCounts(values)
                    if let branch = Self.mostFractional(counts) {
                        var down = node, up = node
                        down.upper[branch] = Int(counts[branch].rounded(FloatingPointRoundingRule.down))
                        up.lower[branch] = Int(counts[branch].rounded(FloatingPointRoundingRule.up))
                        stack.append(down)
                        stack.append(up)
                        continue
                    }
                    let cohort = shape.cohort(counts: counts)
                    if addBrokenRows(chosen: cohort.items) { continue restart }
                    guard model.meetsModelRows(cohort.items, rows: modelRows) else { continue }
                    if best.map({ cohort.score > $0.score || (cohort.score == $0.score && cohort.rank < $0.rank) }) ?? true { best = cohort }
                    if goal == .anyCohort { return best }
                }
            }
            return best
        }
    }

    /// The first `places` items (they are sorted best first): a good point to start from.
    private func greedyStart() -> [Double] {
        (0..<model.items.count).map { $0 < model.places ? 1 : 0 }
    }

    static func mostFractional(_ counts: [Double]) -> Int? {
        var best: Int?
        var bestDistance = 1e-6
        for (type, count) in counts.enumerated() {
            let distance = Swift.min(count - count.rounded(.down), count.rounded(.up) - count)
            if distance > bestDistance { best = type; bestDistance = distance }
        }
        return best
    }

    /// Adds the lazy rows the relaxation breaks; true when any was added.
    private mutating func addBrokenRows(values: [Double]) -> Bool {
        let rows = model.rows
        return addRows { row in rows[row].members.reduce(0.0) { $0 + values[Int($1)] } > Double(rows[row].upper ?? .max) + 1e-6 }
    }

    private mutating func addBrokenRows(chosen: [Int]) -> Bool {
        let rows = model.rows
        var isChosen = [Bool](repeating: false, count: model.items.count)
        for item in chosen { isChosen[item] = true }
        return addRows { row in rows[row].members.lazy.filter { isChosen[Int($0)] }.count > rows[row].upper ?? .max }
    }

    private mutating func addRows(where isBroken: (Int) -> Bool) -> Bool {
        var added = false
        for row in model.rows.indices where !inModel[row] && isBroken(row) {
            inModel[row] = true
            modelRows.append(row)
            added = true
        }
        return added
    }
}

/// Count bounds per type at one node.
struct Bounds {
    var lower: [Int]
    var upper: [Int]
}

extension SelectionModel {
    func meetsModelRows(_ chosen: [Int], rows: [Int]) -> Bool {
        var isChosen = [Bool](repeating: false, count: items.count)
        for item in chosen { isChosen[item] = true }
        guard chosen.count == places else { return false }
        return rows.allSatisfy { index in
            let row = self.rows[index]
            let count = row.members.lazy.filter { isChosen[Int($0)] }.count
            return count >= row.lower && count <= (row.upper ?? .max)
        }
    }
}
