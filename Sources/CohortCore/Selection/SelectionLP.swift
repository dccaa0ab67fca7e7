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

/// One solve's working state. Columns: items, then one slack per row (its value is the row's
/// count, bounded by the quota), then one artificial per row (phase one only).
private struct SimplexState {
    enum Phase { case feasibility, objective }
    enum Status: UInt8 { case basic, atLower, atUpper }

    let lp: SelectionLP
    let itemCount: Int
    let rowCount: Int
    var lower: [Double]
    var upper: [Double]
    var x: [Double]
    var status: [Status]
    var basis: [Int]
    var positionOf: [Int]
    var inverse: [Double]
    var artificialSign: [Double]
    var isArtificialCosted = true
    var pivotsSinceRefactor = 0
    var degenerateRun = 0
    /// Per type: no item before `riseFrom` can rise (at its lower bound with room), and none
    /// after `fallFrom` can fall, so pricing starts there instead of scanning whole types.
    var riseFrom: [Int]
    var fallFrom: [Int]

    static let pivotTolerance = 1e-9
    static let costTolerance = 1e-10

    init(lp: SelectionLP, lower itemLower: [Double], upper itemUpper: [Double], start: [Double]) {
        self.lp = lp
        itemCount = itemLower.count
        rowCount = lp.rowLower.count
        let total = itemCount + 2 * rowCount
        lower = itemLower + lp.rowLower + [Double](repeating: 0, count: rowCount)
        upper = itemUpper + lp.rowUpper + [Double](repeating: .infinity, count: rowCount)
        x = [Double](repeating: 0, count: total)
        status = [Status](repeating: .atLower, count: total)
        basis = [Int](repeating: 0, count: rowCount)
        positionOf = [Int](repeating: -1, count: total)
        inverse = [Double](repeating: 0, count: rowCount * rowCount)
        artificialSign = [Double](repeating: 1, count: rowCount)
        riseFrom = [Int](repeating: 0, count: lp.typeItems.count)
        fallFrom = lp.typeItems.map { $0.count - 1 }
        var activity = [Double](repeating: 0, count: rowCount)
        for item in 0..<itemCount {
            let value = Swift.min(Swift.max(start[item], itemLower[item]), itemUpper[item])
            x[item] = value
            status[item] = value >= itemUpper[item] && itemUpper[item] > itemLower[item] ? .atUpper : .atLower
            if value != 0 { for row in lp.typeRows[lp.typeOfItem[item]] { activity[row] += value } }
        }
        for row in 0..<rowCount {
            let slack = itemCount + row, artificial = itemCount + rowCount + row
            let clamped = Swift.min(Swift.max(activity[row], lp.rowLower[row]), lp.rowUpper[row])
            let residual = activity[row] - clamped
            x[slack] = clamped
            if abs(residual) < 1e-12 {
                make(basic: slack, at: row)
                inverse[row * rowCount + row] = -1
            } else {
                status[slack] = clamped == lp.rowLower[row] ? .atLower : .atUpper
                artificialSign[row] = residual > 0 ? -1 : 1
                x[artificial] = abs(residual)
                make(basic: artificial, at: row)
                inverse[row * rowCount + row] = artificialSign[row]
            }
        }
    }

    mutating func make(basic column: Int, at position: Int) {
        basis[position] = column
        positionOf[column] = position
        status[column] = .basic
    }

    /// Sets a nonbasic status, widening the type's scan hints when an item becomes a candidate.
    mutating func set(_ column: Int, _ newStatus: Status) {
        status[column] = newStatus
        guard column < itemCount else { return }
        let type = lp.typeOfItem[column], position = lp.positionInType[column]
        if newStatus == .atLower, position < riseFrom[type] { riseFrom[type] = position }
        if newStatus == .atUpper, position > fallFrom[type] { fallFrom[type] = position }
    }

    func infeasibility() -> Double {
        (0..<rowCount).reduce(0) { $0 + x[itemCount + rowCount + $1] }
    }

    /// After phase one the artificials are all zero; they stay at zero and cost nothing.
    mutating func retireArtificials() {
        isArtificialCosted = false
        for row in 0..<rowCount {
            let artificial = itemCount + rowCount + row
            upper[artificial] = 0
            x[artificial] = 0
        }
    }

    // MARK: Costs

    /// Cost levels of a column, most important first.
    func cost(_ column: Int, level: Int, phase: Phase) -> Double {
        switch phase {
        case .feasibility:
            return column >= itemCount + rowCount && isArtificialCosted ? -1 : 0
        case .objective:
            guard column < itemCount else { return 0 }
            return level == 0 ? lp.scoreCost[column] : lp.rankCost[column]
        }
    }

    func levels(_ phase: Phase) -> Int { phase == .feasibility ? 1 : 2 }

    /// Simplex multipliers per level: costs of the basic columns times the inverse.
    func duals(_ phase: Phase) -> [[Double]] {
        (0..<levels(phase)).map { level in
            var pi = [Double](repeating: 0, count: rowCount)
            for position in 0..<rowCount {
                let c = cost(basis[position], level: level, phase: phase)
                if c == 0 { continue }
                let offset = position * rowCount
                for row in 0..<rowCount { pi[row] += c * inverse[offset + row] }
            }
            return pi
        }
    }

    // MARK: The loop

    /// Returns false only when the iteration limit is hit (treated as "no answer" upstream).
    mutating func run(phase: Phase) -> Bool {
        let limit = 50_000 + 50 * (itemCount + rowCount)
        var pi = duals(phase)
        var iterations = 0
        while iterations < limit {
            iterations += 1
            if phase == .feasibility && infeasibility() <= 1e-9 { return true }
            guard let (column, direction) = entering(pi: pi, phase: phase, bland: degenerateRun > 40) else { return true }
            let alpha = transformed(column)
            let step = ratio(column: column, direction: direction, alpha: alpha, bland: degenerateRun > 40)
            guard step.theta.isFinite else { return false }
            degenerateRun = step.theta < 1e-12 ? degenerateRun + 1 : 0
            move(column: column, direction: direction, theta: step.theta, alpha: alpha)
            if let leaving = step.leaving {
                pivot(entering: column, leavingPosition: leaving, alpha: alpha)
                if pivotsSinceRefactor >= 60 { refactor() }
                pi = duals(phase)
            } else {
                set(column, direction > 0 ? .atUpper : .atLower)
                x[column] = direction > 0 ? upper[column] : lower[column]
            }
        }
        return false
    }

    /// B⁻¹ a for a column.
    func transformed(_ column: Int) -> [Double] {
        var alpha = [Double](repeating: 0, count: rowCount)
        func add(row: Int, value: Double) {
            for position in 0..<rowCount { alpha[position] += value * inverse[position * rowCount + row] }
        }
        if column < itemCount {
            for row in lp.typeRows[lp.typeOfItem[column]] { add(row: row, value: 1) }
        } else if column < itemCount + rowCount {
            add(row: column - itemCount, value: -1)
        } else {
            let row = column - itemCount - rowCount
            add(row: row, value: artificialSign[row])
        }
        return alpha
    }

    /// The improving column with the largest reduced cost at the first level where one improves
    /// (Bland's smallest index instead while degenerate pivots repeat, so it cannot cycle).
    mutating func entering(pi: [[Double]], phase: Phase, bland: Bool) -> (Int, Double)? {
        let twoLevels = levels(phase) == 2
        let pi0 = pi[0], pi1 = twoLevels ? pi[1] : pi[0]
        var bestColumn = -1, bestDirection = 0.0, bestLevel = 2, bestGain = 0.0
        let tolerance = Self.costTolerance
        // Reduced costs on up to two levels; the column improves at the first level that is not zero.
        func consider(_ column: Int, _ d0: Double, _ d1: Double) {
            let canRise = status[column] == .atLower
            let d: Double, level: Int
            if abs(d0) > tolerance { d = d0; level = 0 } else if twoLevels && abs(d1) > tolerance { d = d1; level = 1 } else { return }
            guard canRise ? d > 0 : d < 0 else { return }
            let better = bestColumn < 0 || (bland ? column < bestColumn : (level < bestLevel || (level == bestLevel && abs(d) > bestGain)))
            if better { bestColumn = column; bestDirection = canRise ? 1 : -1; bestLevel = level; bestGain = abs(d) }
        }
        for type in lp.typeRows.indices {
            var shared0 = 0.0, shared1 = 0.0
            for row in lp.typeRows[type] {
                shared0 += pi0[row]
                if twoLevels { shared1 += pi1[row] }
            }
            let items = lp.typeItems[type]
            // Costs within a type fall along the list: the first item that can rise and the last
            // that can fall are the best of their kind.
            var position = riseFrom[type]
            while position < items.count, !(status[items[position]] == .atLower && upper[items[position]] > lower[items[position]]) { position += 1 }
            riseFrom[type] = position
            if position < items.count {
                let item = items[position]
                consider(item, cost(item, level: 0, phase: phase) - shared0, twoLevels ? cost(item, level: 1, phase: phase) - shared1 : 0)
            }
            position = Swift.min(fallFrom[type], items.count - 1)
            while position >= 0, !(status[items[position]] == .atUpper && upper[items[position]] > lower[items[position]]) { position -= 1 }
            fallFrom[type] = position
            if position >= 0 {
                let item = items[position]
                consider(item, cost(item, level: 0, phase: phase) - shared0, twoLevels ? cost(item, level: 1, phase: phase) - shared1 : 0)
            }
            if bland {
                for item in items where status[item] != .basic && upper[item] > lower[item] {
                    consider(item, cost(item, level: 0, phase: phase) - shared0, twoLevels ? cost(item, level: 1, phase: phase) - shared1 : 0)
                }
            }
        }
        for row in 0..<rowCount {
            let slack = itemCount + row
            if status[slack] != .basic && upper[slack] > lower[slack] { consider(slack, pi0[row], twoLevels ? pi1[row] : 0) }
            if phase == .feasibility {
                let artificial = itemCount + rowCount + row
                if status[artificial] != .basic && upper[artificial] > lower[artificial] {
                    consider(artificial, cost(artificial, level: 0, phase: phase) - artificialSign[row] * pi0[row], 0)
                }
            }
        }
        return bestColumn < 0 ? nil : (bestColumn, bestDirection)
    }

    /// How far the entering column moves, and which basic column (by position) leaves, if any.
    func ratio(column: Int, direction: Double, alpha: [Double], bland: Bool) -> (theta: Double, leaving: Int?) {
        var theta = upper[column] - lower[column]
        var leaving: Int?
        var leavingSize = 0.0
        for position in 0..<rowCount {
            let rate = -direction * alpha[position]
            guard abs(rate) > Self.pivotTolerance else { continue }
            let basic = basis[position]
            let room: Double
            if rate < 0 {
                room = lower[basic].isFinite ? Swift.max(0, x[basic] - lower[basic]) / -rate : .infinity
            } else {
                room = upper[basic].isFinite ? Swift.max(0, upper[basic] - x[basic]) / rate : .infinity
            }
            // On a tie a bound flip is kept (no pivot); between rows, the larger pivot is steadier.
            let better: Bool
            if room < theta - 1e-12 {
                better = true
            } else if room <= theta + 1e-12, let current = leaving {
                better = bland ? basic < basis[current] : abs(rate) > leavingSize
            } else {
                better = false
            }
            if better {
                theta = room
                leaving = position
                leavingSize = abs(rate)
            }
        }
        return (theta, leaving)
    }

    mutating func move(column: Int, direction: Double, theta: Double, alpha: [Double]) {
        guard theta > 0 else { return }
        x[column] += direction * theta
        for position in 0..<rowCount where alpha[position] != 0 { x[basis[position]] -= direction * theta * alpha[position] }
    }

    mutating func pivot(entering: Int, leavingPosition p: Int, alpha: [Double]) {
        let leaving = basis[p]
        let snapToLower = upper[leaving].isInfinite || abs(x[leaving] - lower[leaving]) <= abs(upper[leaving] - x[leaving])
        x[leaving] = snapToLower ? lower[leaving] : upper[leaving]
        positionOf[leaving] = -1
        set(leaving, snapToLower ? .atLower : .atUpper)
        make(basic: entering, at: p)
        let pivotValue = alpha[p]
        let base = p * rowCount
        for row in 0..<rowCount { inverse[base + row] /= pivotValue }
        for position in 0..<rowCount where position != p && alpha[position] != 0 {
            let factor = alpha[position], offset = position * rowCount
            for row in 0..<rowCount { inverse[offset + row] -= factor * inverse[base + row] }
        }
        pivotsSinceRefactor += 1
    }

    /// Inverts the basis afresh and recomputes the basic values, so rounding cannot build up.
    mutating func refactor() {
        pivotsSinceRefactor = 0
        let n = rowCount
        var matrix = [Double](repeating: 0, count: n * n)
        for (position, column) in basis.enumerated() {
            if column < itemCount {
                for row in lp.typeRows[lp.typeOfItem[column]] { matrix[row * n + position] = 1 }
            } else if column < itemCount + rowCount {
                matrix[(column - itemCount) * n + position] = -1
            } else {
                let row = column - itemCount - rowCount
                matrix[row * n + position] = artificialSign[row]
            }
        }
        guard let inverted = Self.invert(matrix, size: n) else { return }
        inverse = inverted
        var rhs = [Double](repeating: 0, count: n)
        for column in 0..<(itemCount + 2 * n) where status[column] != .basic && x[column] != 0 {
            if column < itemCount {
                for row in lp.typeRows[lp.typeOfItem[column]] { rhs[row] -= x[column] }
            } else if column < itemCount + n {
                rhs[column - itemCount] += x[column]
            } else {
                let row = column - itemCount - n
                rhs[row] -= artificialSign[row] * x[column]
            }
        }
        for position in 0..<n {
            var value = 0.0
            for row in 0..<n { value += inverse[position * n + row] * rhs[row] }
            x[basis[position]] = value
        }
    }

    /// Gauss–Jordan with partial pivoting; `nil` for a singular matrix (the old inverse is kept).
    static func invert(_ source: [Double], size n: Int) -> [Double]? {
        var a = source
        var inverse = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inverse[i * n + i] = 1 }
        for column in 0..<n {
            var pivotRow = column
            for row in column..<n where abs(a[row * n + column]) > abs(a[pivotRow * n + column]) { pivotRow = row }
            guard abs(a[pivotRow * n + column]) > 1e-12 else { return nil }
            if pivotRow != column {
                for k in 0..<n {
                    a.swapAt(pivotRow * n + k, column * n + k)
                    inverse.swapAt(pivotRow * n + k, column * n + k)
                }
            }
            let pivot = a[column * n + column]
            for k in 0..<n {
                a[column * n + k] /= pivot
                inverse[column * n + k] /= pivot
            }
            for row in 0..<n where row != column {
                let factor = a[row * n + column]
                if factor == 0 { continue }
                for k in 0..<n {
                    a[row * n + k] -= factor * a[column * n + k]
                    inverse[row * n + k] -= factor * inverse[column * n + k]
                }
            }
        }
        return inverse
    }
}
