import Foundation

/// Why the cohort is what it is, in terms a committee can check: who is in on score and who
/// was brought in by a quota, which quotas kept higher scorers out, who would replace each
/// person if they withdrew, and how the cohort compares with the pool.
public struct SelectionExplanation: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Among the best `cohortSize` scores of those who could be chosen (1 = best).
        case score(rank: Int)
        /// Forced in by the include list.
        case included
        /// In to meet the minimum of these quotas (indices), ahead of higher scorers.
        case quota([Int])
    }

    public struct LeftOut: Sendable, Equatable {
        public let id: String
        public let score: Double
        /// Quotas (indices) that would break if they took the place of the lowest scorer they outscore.
        public let blockingQuotas: [Int]
        public let excluded: Bool
    }

    public struct Share: Sendable, Equatable {
        public let value: String
        public let selected: Int
        public let pool: Int
    }

    public let reasons: [String: Reason]
    /// Up to `leftOutLimit` of the best scorers not chosen who outscore someone chosen.
    public let leftOut: [LeftOut]
    /// For each selected id, the best applicant who can take their place with every quota
    /// still met (`nil`: no single replacement can; the selection has to be run again).
    public let replacements: [String: String?]
    /// Per attribute, how many of each value are selected and how many scored applicants have it.
    public let composition: [String: [Share]]

    public init(instance: SelectionInstance, selected: [String], attributes: [String], leftOutLimit: Int = 10) {
        let problem = SelectionProblem(instance)
        let indexOf = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        let chosen = Set(selected.compactMap { indexOf[$0] })
        let excluded = Set(problem.exclude), included = Set(problem.include)
        let eligible = problem.bestFirst.filter { !excluded.contains($0) }
        let counts = problem.rows.map { row in row.members.reduce(0) { chosen.contains(Int($1)) ? $0 + 1 : $0 } }
        var rowsOf = [[Int]](repeating: [], count: problem.ids.count)
        for (rowIndex, row) in problem.rows.enumerated() { for member in row.members { rowsOf[Int(member)].append(rowIndex) } }
        func score(_ index: Int) -> Double { instance.applicants[index].score ?? 0 }

        var reasons: [String: Reason] = [:]
        let topRank = Dictionary(uniqueKeysWithValues: eligible.prefix(instance.cohortSize).enumerated().map { ($1, $0 + 1) })
        for index in chosen {
            if included.contains(index) {
                reasons[problem.ids[index]] = .included
            } else if let rank = topRank[index] {
                reasons[problem.ids[index]] = .score(rank: rank)
            } else {
                let binding = rowsOf[index].filter { counts[$0] <= problem.rows[$0].min }
                reasons[problem.ids[index]] = .quota(Array(Set(binding.map { problem.rows[$0].quota })).sorted())
            }
        }
        self.reasons = reasons

        // A swap of one chosen person for one who is not: which quotas it breaks. Only rows
        // either of them counts in can move, and every row holds for the cohort as it is.
        func broken(removing out: Int, adding candidate: Int) -> [Int] {
            var quotas = Set<Int>()
            for rowIndex in Set(rowsOf[out] + rowsOf[candidate]) {
                let row = problem.rows[rowIndex]
                let count = counts[rowIndex] - (rowsOf[out].contains(rowIndex) ? 1 : 0) + (rowsOf[candidate].contains(rowIndex) ? 1 : 0)
                if count < row.min || count > (row.max ?? .max) { quotas.insert(row.quota) }
            }
            return quotas.sorted()
        }
        let chosenByScore = chosen.filter { !included.contains($0) }.sorted { score($0) < score($1) }
        var leftOut: [LeftOut] = []
        for index in problem.bestFirst where !chosen.contains(index) && leftOut.count < leftOutLimit {
            guard let weakest = chosenByScore.first, score(index) > score(weakest) else { break }
            leftOut.append(LeftOut(id: problem.ids[index], score: score(index), blockingQuotas: excluded.contains(index) ? [] : broken(removing: weakest, adding: index),
                                   excluded: excluded.contains(index)))
        }
        self.leftOut = leftOut

        var replacements: [String: String?] = [:]
        for index in chosen {
            let replacement = eligible.first { !chosen.contains($0) && broken(removing: index, adding: $0).isEmpty }
            // updateValue keeps a key whose answer is "nobody" (assigning nil would remove it).
            replacements.updateValue(replacement.map { problem.ids[$0] }, forKey: problem.ids[index])
        }
        self.replacements = replacements

        var composition: [String: [Share]] = [:]
        for attribute in attributes {
            var shares: [String: (selected: Int, pool: Int)] = [:]
            for (index, applicant) in instance.applicants.enumerated() where applicant.score != nil {
                let value = applicant.attributes[attribute] ?? "—"
                shares[value, default: (0, 0)].pool += 1
                if chosen.contains(index) { shares[value, default: (0, 0)].selected += 1 }
            }
            composition[attribute] = shares.map { Share(value: $0.key, selected: $0.value.selected, pool: $0.value.pool) }
                .sorted { $0.pool != $1.pool ? $0.pool > $1.pool : $0.value < $1.value }
        }
        self.composition = composition
    }
}
