import Foundation

/// The model's rows that are in the relaxation, and its items grouped into types by the rows
/// they count in: the linear program the search solves at every node, and the conversions
/// between its values and cohorts.
struct SelectionShape {
    let model: SelectionModel
    /// Model rows in the relaxation; relaxation row `i + 1` is `rows[i]` (row 0 is the cohort size).
    let rows: [Int]
    let typeItems: [[Int]]
    let lp: SelectionLP
    /// Scaled score of the best item: costs are divided by it so the relaxation works near 1.
    let scoreScale: Double
    let rankScale: Double

    init(model: SelectionModel, rows: [Int]) {
        self.model = model
        self.rows = rows
        var rowsOfItem = [[Int]](repeating: [0], count: model.items.count)
        for (position, row) in rows.enumerated() {
            for member in model.rows[row].members { rowsOfItem[Int(member)].append(position + 1) }
        }
        var typeOf: [[Int]: Int] = [:]
        var typeRows: [[Int]] = []
        var typeItems: [[Int]] = []
        var typeOfItem = [Int](repeating: 0, count: model.items.count)
        // Items are sorted best first, so each type's list is too.
        for item in model.items.indices {
            let signature = rowsOfItem[item]
            let type: Int
            if let known = typeOf[signature] {
                type = known
            } else {
                type = typeRows.count
                typeOf[signature] = type
                typeRows.append(signature)
                typeItems.append([])
            }
            typeItems[type].append(item)
            typeOfItem[item] = type
        }
        self.typeItems = typeItems
        scoreScale = Swift.max(1, model.itemScores.map { Double(abs($0)) }.max() ?? 1)
        rankScale = Swift.max(1, Double(model.itemRanks.max() ?? 1))
        let lower = [Double(model.places)] + rows.map { Double(model.rows[$0].lower) }
        let upper = [Double(model.places)] + rows.map { model.rows[$0].upper.map(Double.init) ?? .infinity }
        let scoreScale = scoreScale, rankScale = rankScale
        var positionInType = [Int](repeating: 0, count: model.items.count)
        for items in typeItems { for (position, item) in items.enumerated() { positionInType[item] = position } }
        lp = SelectionLP(rowLower: lower, rowUpper: upper, typeRows: typeRows, typeItems: typeItems, typeOfItem: typeOfItem,
                         positionInType: positionInType,
                         scoreCost: model.itemScores.map { Double($0) / scoreScale },
                         rankCost: model.itemRanks.map { -Double($0) / rankScale })
    }

    /// A type's count bounds as item bounds: its first `lower` items are in, those from `upper` on are out.
    func itemBounds(_ bounds: Bounds) -> (lower: [Double], upper: [Double]) {
        var lower = [Double](repeating: 0, count: model.items.count)
        var upper = [Double](repeating: 1, count: model.items.count)
        for (type, items) in typeItems.enumerated() {
            for item in items.prefix(bounds.lower[type]) { lower[item] = 1 }
            for item in items.dropFirst(bounds.upper[type]) { upper[item] = 0 }
        }
        return (lower, upper)
    }

    func typeCounts(_ values: [Double]) -> [Double] {
        typeItems.map { items in items.reduce(0) { $0 + values[$1] } }
    }

    /// The cohort that takes `counts` (whole numbers) of each type: the first items of each.
    func cohort(counts: [Double]) -> SelectionSearch.Cohort {
        var items: [Int] = []
        var score: Int64 = 0, rank: Int64 = 0
        for (type, count) in counts.enumerated() {
            for item in typeItems[type].prefix(Int(count.rounded())) {
                items.append(item)
                score += model.itemScores[item]
                rank += model.itemRanks[item]
            }
        }
        return SelectionSearch.Cohort(items: items, score: score, rank: rank)
    }

    /// True when no cohort in a node whose relaxation reaches (`score`, `rank`) beats `best`.
    /// Cohort scores are whole numbers: a bound below the next one up cannot win on score, and
    /// when the bound equals the best score exactly, any tie lies on the relaxation's optimal
    /// face, where the rank bound holds too.
    func cannotImprove(on best: SelectionSearch.Cohort, score: Double, rank: Double) -> Bool {
        let bound = score * scoreScale
        let tolerance = Swift.max(1e-6, 1e-11 * scoreScale * Double(Swift.max(1, model.places)))
        let reachable = (bound + tolerance).rounded(.down)
        if reachable < Double(best.score) { return true }
        if reachable > Double(best.score) { return false }
        guard abs(bound - Double(best.score)) <= tolerance else { return false }
        let rankBound = -rank * rankScale
        return (rankBound - 1e-6).rounded(.up) >= Double(best.rank)
    }
}
