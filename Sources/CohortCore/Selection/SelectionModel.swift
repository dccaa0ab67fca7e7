/// The problem under one set of rules, reduced so that it stays exact and gets small:
/// unscored and excluded applicants leave, includes are fixed (the places and quota bounds
/// shrink by what they take), rows that cannot bind are dropped, and of applicants who belong
/// to exactly the same rows only the best few are kept (no more can be chosen).
struct SelectionModel: Sendable {
    struct Row: Sendable {
        /// The instance's quota this row comes from.
        let quota: Int
        let lower: Int
        /// `nil`: no upper bound.
        let upper: Int?
        /// Item indices.
        let members: [Int32]
        let isLazy: Bool
    }

    /// Places left once the includes are in.
    let places: Int
    let forced: [Int]
    /// Applicant index of each item, best first (score, then rank).
    let items: [Int]
    let itemScores: [Int64]
    let itemRanks: [Int64]
    let rows: [Row]

    enum Build {
        case model(SelectionModel)
        /// The rules contradict each other before any search; `quotas` are the ones seen to
        /// (none when the forced ids or the cohort size alone do).
        case contradiction(quotas: Set<Int>)
    }

    /// `nil` when the rules already contradict each other before any search.
    static func build(_ problem: SelectionProblem, rules: SelectionRuleSet) -> SelectionModel? {
        if case .model(let model) = make(problem, rules: rules) { return model }
        return nil
    }

    static func make(_ problem: SelectionProblem, rules: SelectionRuleSet) -> Build {
        let count = problem.ids.count
        var forcedFlag = [Bool](repeating: false, count: count)
        var excludedFlag = [Bool](repeating: false, count: count)
        for (position, index) in problem.exclude.enumerated() where rules.exclude[position] { excludedFlag[index] = true }
        for (position, index) in problem.include.enumerated() where rules.include[position] {
            guard problem.scaledScores[index] != nil, !excludedFlag[index] else { return .contradiction(quotas: []) }
            forcedFlag[index] = true
        }
        let forced = (0..<count).filter { forcedFlag[$0] }
        let places = problem.cohortSize - forced.count
        guard places >= 0 else { return .contradiction(quotas: []) }
        let isCandidate = (0..<count).map { problem.scaledScores[$0] != nil && !excludedFlag[$0] && !forcedFlag[$0] }
        let candidateCount = isCandidate.lazy.filter { $0 }.count
        guard candidateCount >= places else { return .contradiction(quotas: []) }

        // Quota rows in applicant terms, bounds net of the includes.
        var kept: [(quota: Int, lower: Int, upper: Int?, members: [Int32], isLazy: Bool)] = []
        for row in problem.rows where rules.quotas[row.quota] {
            var taken = 0
            var members: [Int32] = []
            for member in row.members {
                if forcedFlag[Int(member)] { taken += 1 } else if isCandidate[Int(member)] { members.append(member) }
            }
            let lower = Swift.max(0, row.min - taken)
            let upper = row.max.map { $0 - taken }
            if let upper, upper < 0 { return .contradiction(quotas: [row.quota]) }
            guard lower <= Swift.min(members.count, places) else { return .contradiction(quotas: [row.quota]) }
            let cannotBind = lower == 0 && (upper.map { $0 >= Swift.min(members.count, places) } ?? true)
            if !cannotBind { kept.append((row.quota, lower, upper, members, row.isLazy)) }
        }

        // Applicants in exactly the same rows are interchangeable but for score: keep the best few.
        // Memberships are laid out flat (an offset per applicant), so no small array is made per applicant.
        var offsets = [Int](repeating: 0, count: count + 1)
        for row in kept { for member in row.members { offsets[Int(member) + 1] += 1 } }
        for index in 0..<count { offsets[index + 1] += offsets[index] }
        var fill = offsets
        var memberRows = [Int32](repeating: 0, count: offsets[count])
        for (rowIndex, row) in kept.enumerated() {
            for member in row.members {
                memberRows[fill[Int(member)]] = Int32(rowIndex)
                fill[Int(member)] += 1
            }
        }
        var groupOf: [ArraySlice<Int32>: Int] = [:]
        var room: [Int] = []
        var items: [Int] = []
        // Best first, so each group keeps its best members and the items come out sorted.
        for index in problem.bestFirst where isCandidate[index] {
            let signature = memberRows[offsets[index]..<offsets[index + 1]]
            let group: Int
            if let known = groupOf[signature] {
                group = known
            } else {
                group = room.count
                groupOf[signature] = group
                room.append(signature.reduce(places) { Swift.min($0, kept[Int($1)].upper ?? Int.max) })
            }
            if room[group] > 0 {
                room[group] -= 1
                items.append(index)
            }
        }
        var itemOf = [Int32](repeating: -1, count: count)
        for (item, index) in items.enumerated() { itemOf[index] = Int32(item) }
        let rows = kept.map { row in
            Row(quota: row.quota, lower: row.lower, upper: row.upper, members: row.members.compactMap { itemOf[Int($0)] >= 0 ? itemOf[Int($0)] : nil }, isLazy: row.isLazy)
        }
        return .model(SelectionModel(places: places, forced: forced, items: items, itemScores: items.map { problem.scaledScores[$0]! },
                              itemRanks: items.map { problem.ranks[$0] }, rows: rows))
    }
}
