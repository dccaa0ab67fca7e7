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
        case infeasible
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
    let scoreCost: [Double]
    let rankCost: [Double]

    func solve(lower: [Double], upper: [Double], start: [Double]) -> Outcome {
        var tableau = SimplexState(lp: self, lower: lower, upper: upper, start: start)
        guard tableau.run(phase: .feasibility) else { return .failed }
        if tableau.infeasibility() > 1e-7 { return .infeasible }
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
                status[column] = direction > 0 ? .atUpper : .atLower
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
    func entering(pi: [[Double]], phase: Phase, bland: Bool) -> (Int, Double)? {
        let levelCount = levels(phase)
        var best: (column: Int, direction: Double, level: Int, gain: Double)?
        func consider(_ column: Int, reduced: (Int) -> Double) {
            let canRise = status[column] == .atLower && upper[column] > lower[column]
            let canFall = status[column] == .atUpper && upper[column] > lower[column]
            guard canRise || canFall else { return }
            for level in 0..<levelCount {
                let d = reduced(level)
                if abs(d) <= Self.costTolerance { continue }
                let improving = canRise ? d > 0 : d < 0
                guard improving else { return }
                if let current = best {
                    if bland ? column < current.column : (level < current.level || (level == current.level && abs(d) > current.gain)) {
                        best = (column, canRise ? 1 : -1, level, abs(d))
                    }
                } else {
                    best = (column, canRise ? 1 : -1, level, abs(d))
                }
                return
            }
        }
        for (type, rows) in lp.typeRows.enumerated() {
            var shared = [Double](repeating: 0, count: levelCount)
            for level in 0..<levelCount { for row in rows { shared[level] += pi[level][row] } }
            let items = lp.typeItems[type]
            // Best candidate to rise is the first at its lower bound; to fall, the last at its upper.
            if let rise = items.first(where: { status[$0] == .atLower && upper[$0] > lower[$0] }) {
                consider(rise) { cost(rise, level: $0, phase: phase) - shared[$0] }
            }
            if let fall = items.last(where: { status[$0] == .atUpper && upper[$0] > lower[$0] }) {
                consider(fall) { cost(fall, level: $0, phase: phase) - shared[$0] }
            }
            if bland {
                for item in items where status[item] != .basic { consider(item) { cost(item, level: $0, phase: phase) - shared[$0] } }
            }
        }
        for row in 0..<rowCount {
            let slack = itemCount + row
            consider(slack) { pi[$0][row] }
            if phase == .feasibility {
                let artificial = itemCount + rowCount + row
                consider(artificial) { cost(artificial, level: $0, phase: phase) - artificialSign[row] * pi[$0][row] }
            }
        }
        return best.map { ($0.column, $0.direction) }
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
        status[leaving] = snapToLower ? .atLower : .atUpper
        positionOf[leaving] = -1
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
