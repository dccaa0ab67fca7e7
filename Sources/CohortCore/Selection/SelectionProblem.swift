import Foundation

/// An instance turned into numbers once: exact integer scores, tie-break ranks, and every
/// quota as count rows over applicant indices. Models for any subset of the rules (the
/// conflict search drops rules one at a time) are cut from it without re-reading anything.
struct SelectionProblem: Sendable {
    struct QuotaRow: Sendable {
        let quota: Int
        /// Applicant indices counted by this row, scored or not.
        let members: [Int32]
        let min: Int
        let max: Int?
        /// Rows of an `each` quota are many and rarely bind (one per organisation, say), so
        /// they join the model only when a solution breaks them.
        let isLazy: Bool
    }

    let cohortSize: Int
    let ids: [String]
    /// Scores scaled by `10^decimals` to integers; `nil`: not reviewed.
    let scaledScores: [Int64?]
    let decimals: Int
    /// Position of each id in code-point order: the canonical cohort has the smallest sum.
    let ranks: [Int64]
    let rows: [QuotaRow]
    /// Scored applicants by score, highest first, then by rank: the order in which, among
    /// applicants who count in the same rows, the better one is always preferred.
    let bestFirst: [Int]
    let include: [Int]
    let exclude: [Int]

    init(_ instance: SelectionInstance) {
        cohortSize = instance.cohortSize
        let ids = instance.applicants.map(\.id)
        self.ids = ids
        decimals = Self.decimals(instance.applicants.compactMap(\.score))
        let scale = pow(10.0, Double(decimals))
        scaledScores = instance.applicants.map { $0.score.map { Int64(($0 * scale).rounded()) } }
        // Swift orders strings by Unicode scalars once normalised; ASCII ids take that fast path,
        // anything else is compared byte by byte as the format says.
        let order = ids.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            ? ids.indices.sorted { ids[$0] < ids[$1] }
            : ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        var ranks = [Int64](repeating: 0, count: ids.count)
        for (rank, index) in order.enumerated() { ranks[index] = Int64(rank) }
        self.ranks = ranks
        let scores = scaledScores
        bestFirst = order.filter { scores[$0] != nil }.sorted { scores[$0]! != scores[$1]! ? scores[$0]! > scores[$1]! : ranks[$0] < ranks[$1] }
        var indexOfID: [String: Int] = [:]
        indexOfID.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() { indexOfID[id] = index }
        include = instance.include.compactMap { indexOfID[$0] }
        exclude = instance.exclude.compactMap { indexOfID[$0] }
        rows = Self.rows(instance)
    }

    /// The largest number of decimals any score uses, at most 6, so that scaled scores are exact integers.
    static func decimals(_ scores: [Double]) -> Int {
        var decimals = 0
        for score in scores {
            while decimals < 6 {
                let scaled = score * pow(10.0, Double(decimals))
                if abs(scaled - scaled.rounded()) <= 1e-9 * Swift.max(1, abs(scaled)) { break }
                decimals += 1
            }
        }
        return decimals
    }

    private static func rows(_ instance: SelectionInstance) -> [QuotaRow] {
        // Each attribute a quota names is read once into value numbers per applicant.
        var valueIndex: [String: [String: Int32]] = [:]
        var applicantValues: [String: [Int32]] = [:]
        for attribute in Set(instance.quotas.map(\.attribute)) {
            var numbers: [String: Int32] = [:]
            var values = [Int32](repeating: -1, count: instance.applicants.count)
            for (index, applicant) in instance.applicants.enumerated() {
                guard let value = applicant.attributes[attribute] else { continue }
                if let number = numbers[value] {
                    values[index] = number
                } else {
                    let number = Int32(numbers.count)
                    numbers[value] = number
                    values[index] = number
                }
            }
            valueIndex[attribute] = numbers
            applicantValues[attribute] = values
        }
        var rows: [QuotaRow] = []
        for (quotaIndex, quota) in instance.quotas.enumerated() {
            let numbers = valueIndex[quota.attribute] ?? [:]
            let values = applicantValues[quota.attribute] ?? []
            func members(of wanted: Set<Int32>) -> [Int32] {
                values.indices.compactMap { wanted.contains(values[$0]) ? Int32($0) : nil }
            }
            switch quota.selector {
            case .value(let value):
                rows.append(QuotaRow(quota: quotaIndex, members: members(of: Set([numbers[value]].compactMap { $0 })),
                                     min: quota.min, max: quota.max, isLazy: false))
            case .group(let list):
                rows.append(QuotaRow(quota: quotaIndex, members: members(of: Set(list.compactMap { numbers[$0] })),
                                     min: quota.min, max: quota.max, isLazy: false))
            case .each(let list):
                // One row per value; applicants are bucketed in one pass rather than a scan per value.
                var buckets = [[Int32]](repeating: [], count: numbers.count)
                for (index, value) in values.enumerated() where value >= 0 { buckets[Int(value)].append(Int32(index)) }
                var listed = Set<String>()
                let wanted = list?.filter { listed.insert($0).inserted } ?? numbers.sorted { $0.value < $1.value }.map(\.key)
                for value in wanted {
                    let bucket = numbers[value].map { buckets[Int($0)] } ?? []
                    rows.append(QuotaRow(quota: quotaIndex, members: bucket, min: quota.min, max: quota.max, isLazy: quota.min == 0))
                }
            }
        }
        return rows
    }
}

/// Which rules hold in one model: all of them for a solve, fewer while a conflict is narrowed.
struct SelectionRuleSet: Sendable, Equatable {
    var quotas: [Bool]
    var include: [Bool]
    var exclude: [Bool]

    static func all(_ problem: SelectionProblem, quotaCount: Int) -> SelectionRuleSet {
        SelectionRuleSet(quotas: Array(repeating: true, count: quotaCount), include: Array(repeating: true, count: problem.include.count),
                         exclude: Array(repeating: true, count: problem.exclude.count))
    }
}
