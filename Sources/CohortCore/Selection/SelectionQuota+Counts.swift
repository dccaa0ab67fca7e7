import Foundation

extension SelectionQuota {
    /// How many of `cohort` count towards this quota, per value it bounds: one entry for a
    /// value or a group, one per value for `each` (every value found in `pool` when none are listed).
    public func counts(cohort: [SelectionApplicant], pool: [SelectionApplicant]) -> [(value: String, count: Int)] {
        func count(_ values: Set<String>) -> Int { cohort.filter { $0.attributes[attribute].map(values.contains) ?? false }.count }
        switch selector {
        case .value(let value): return [(value, count([value]))]
        case .group(let values): return [(values.joined(separator: ", "), count(Set(values)))]
        case .each(let values?): return values.map { ($0, count([$0])) }
        case .each(nil):
            return Set(pool.compactMap { $0.attributes[attribute] }).sorted().map { ($0, count([$0])) }
        }
    }

    /// "3 selected", or for many values the busiest ones: "highest 2 (org-00012)".
    public func countSummary(cohort: [SelectionApplicant], pool: [SelectionApplicant]) -> String {
        let counts = self.counts(cohort: cohort, pool: pool)
        switch selector {
        case .value, .group: return "\(counts.first?.count ?? 0) selected"
        case .each(let values?) where values.count <= 8:
            return counts.map { "\($0.value) \($0.count)" }.joined(separator: ", ")
        case .each:
            guard let highest = counts.map(\.count).max() else { return "none selected" }
            let busiest = counts.filter { $0.count == highest }.map(\.value)
            let lowest = counts.map(\.count).min() ?? 0
            let names = busiest.prefix(3).joined(separator: ", ") + (busiest.count > 3 ? " and \(busiest.count - 3) more" : "")
            return "highest \(highest) (\(names)), lowest \(lowest)"
        }
    }
}
