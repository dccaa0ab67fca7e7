/// One solve's working state. Columns: items, then one slack per row (its value is the row's
/// count, bounded by the quota), then one artificial per row (phase one only).
struct SimplexState {
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
}
