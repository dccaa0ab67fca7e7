import Foundation
@testable import CohortCore

/// The slow, obviously right answer: every cohort of the right size, checked rule by rule
/// straight from the format's text, best total first, then the smallest sum of ranks.
enum SelectionReference {
    struct Answer: Equatable {
        let selected: [String]
        let cents: Int
    }

    static func best(_ instance: SelectionInstance) -> Answer? {
        let ids = instance.applicants.map(\.id)
        let rank = Dictionary(uniqueKeysWithValues: ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map { ($1, $0) })
        let pool = instance.applicants.indices.filter { instance.applicants[$0].score != nil && !instance.exclude.contains(ids[$0]) }
        var best: (cents: Int, rank: Int, members: [Int])?
        forEachSubset(of: pool, size: instance.cohortSize) { members in
            guard isValid(members.map { instance.applicants[$0] }, in: instance) else { return }
            let cents = members.reduce(0) { $0 + Int((instance.applicants[$1].score! * 100).rounded()) }
            let ranks = members.reduce(0) { $0 + rank[ids[$1]]! }
            if best.map({ cents > $0.cents || (cents == $0.cents && ranks < $0.rank) }) ?? true { best = (cents, ranks, members) }
        }
        return best.map { Answer(selected: $0.members.map { ids[$0] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, cents: $0.cents) }
    }

    static func isValid(_ cohort: [SelectionApplicant], in instance: SelectionInstance) -> Bool {
        let ids = Set(cohort.map(\.id))
        guard cohort.count == instance.cohortSize, ids.count == cohort.count, cohort.allSatisfy({ $0.score != nil }),
              instance.include.allSatisfy(ids.contains), !instance.exclude.contains(where: ids.contains) else { return false }
        return instance.quotas.allSatisfy { quota in
            let counts: [Int]
            func count(_ values: Set<String>) -> Int { cohort.filter { $0.attributes[quota.attribute].map(values.contains) ?? false }.count }
            switch quota.selector {
            case .value(let value): counts = [count([value])]
            case .group(let values): counts = [count(Set(values))]
            case .each(let values?): counts = values.map { count([$0]) }
            case .each(nil): counts = Set(instance.applicants.compactMap { $0.attributes[quota.attribute] }).map { count([$0]) }
            }
            return counts.allSatisfy { $0 >= quota.min && $0 <= (quota.max ?? .max) }
        }
    }

    static func forEachSubset(of pool: [Int], size: Int, _ body: ([Int]) -> Void) {
        guard size <= pool.count else { return }
        var chosen: [Int] = []
        func extend(from start: Int) {
            if chosen.count == size { body(chosen); return }
            let needed = size - chosen.count
            guard start <= pool.count - needed else { return }
            for index in start...(pool.count - needed) {
                chosen.append(pool[index])
                extend(from: index + 1)
                chosen.removeLast()
            }
        }
        extend(from: 0)
    }

    /// The instance with only the listed rules kept.
    static func restricted(_ instance: SelectionInstance, to conflict: SelectionConflict) -> SelectionInstance {
        var copy = instance
        copy.quotas = conflict.quotas.map { instance.quotas[$0] }
        copy.include = conflict.include
        copy.exclude = conflict.exclude
        return copy
    }
}

enum RandomSelectionInstance {
    static let countries = ["MY", "NP", "BD", "PH", "ID"]
    static let genders = ["woman", "man", "nonbinary"]
    static let sectors = ["ngo", "trade_union", "academic"]

    static func make(seed: UInt64, maxApplicants: Int = 20) -> SelectionInstance {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 1...maxApplicants, using: &random)
        let tiedScores = Bool.random(using: &random)
        var names = Set<String>()
        while names.count < count { names.insert("a\(Int.random(in: 0..<1000, using: &random))") }
        let applicants = names.sorted().shuffled(using: &random).map { id -> SelectionApplicant in
            let country = countries.randomElement(using: &random)!
            var attributes = ["country": country, "role": country == "MY" ? "destination" : "origin",
                              "gender": genders.randomElement(using: &random)!, "sector": sectors.randomElement(using: &random)!]
            if Int.random(in: 0..<5, using: &random) > 0 { attributes["organization"] = "org-\(Int.random(in: 1...5, using: &random))" }
            let score: Double? = Int.random(in: 0..<8, using: &random) == 0 ? nil
                : tiedScores ? Double(Int.random(in: 1...4, using: &random)) : Double(Int.random(in: 100...500, using: &random)) / 100
            return SelectionApplicant(id: id, score: score, attributes: attributes)
        }
        // Keep exhaustive search affordable: at most ~8,000 cohorts.
        var size = Int.random(in: 0...count, using: &random)
        while binomial(count, size) > 8_000 { size = size > count / 2 ? size + 1 : size - 1 }
        let quotas = (0..<Int.random(in: 0...4, using: &random)).map { _ in quota(size: size, random: &random) }
        let ids = applicants.map(\.id)
        let include = Int.random(in: 0..<4, using: &random) == 0 ? [ids.randomElement(using: &random)!] : []
        let exclude = Int.random(in: 0..<4, using: &random) == 0 ? [ids.randomElement(using: &random)!] : []
        return try! SelectionInstance(cohortSize: size, quotas: quotas, include: include, exclude: exclude, applicants: applicants)
    }

    static func quota(size: Int, random: inout SplitMix64) -> SelectionQuota {
        let bound = { (random: inout SplitMix64) in Int.random(in: 0...Swift.max(1, size), using: &random) }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return SelectionQuota(attribute: "gender", selector: .value("woman"), min: bound(&random))
        case 1: return SelectionQuota(attribute: "country", selector: .value("MY"), max: bound(&random))
        case 2:
            let low = bound(&random)
            return SelectionQuota(attribute: "country", selector: .group(["NP", "BD", "PH"]), min: low, max: low + bound(&random))
        case 3: return SelectionQuota(attribute: "organization", selector: .each(nil), max: Int.random(in: 1...2, using: &random))
        case 4: return SelectionQuota(attribute: "country", selector: .each(["NP", "BD", "ID"]), min: Int.random(in: 0...1, using: &random))
        default:
            let low = Int.random(in: 0...1, using: &random)
            return SelectionQuota(attribute: "sector", selector: .each(nil), min: low, max: low + bound(&random))
        }
    }

    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<Swift.min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }
}
