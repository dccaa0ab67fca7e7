/// Choosing the entering column (lexicographic pricing over types) and how far it moves.
extension SimplexState {
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
}
