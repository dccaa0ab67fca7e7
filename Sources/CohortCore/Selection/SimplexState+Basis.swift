/// Moving along an edge, pivoting the dense basis inverse, and rebuilding it from scratch.
extension SimplexState {
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
