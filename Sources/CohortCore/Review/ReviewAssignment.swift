import Foundation

/// Automatic assignment of reviewers: every eligible application gets the number of reviews
/// wanted (as far as reviewers without a conflict allow), no reviewer has a conflict with an
/// application they get, and the heaviest load is as light as it can be. It is a flow
/// problem (applications → reviewers, one unit per review), solved for the smallest
/// per-reviewer capacity that still places every review that can be placed at all, and within
/// it the smallest share of new work for any one reviewer.
public enum ReviewAssignment {
    public struct Party: Sendable, Equatable {
        public let id: UUID
        public let organisation: String?
        public let country: String?

        public init(id: UUID, organisation: String? = nil, country: String? = nil) {
            self.id = id
            self.organisation = organisation
            self.country = country
        }
    }

    public struct Pair: Sendable, Hashable {
        public let applicationID: UUID
        public let reviewerID: UUID

        public init(applicationID: UUID, reviewerID: UUID) {
            self.applicationID = applicationID
            self.reviewerID = reviewerID
        }
    }

    public struct Plan: Sendable, Equatable {
        /// New assignments, in application then reviewer order.
        public let added: [Pair]
        /// Applications left with fewer reviewers than wanted, and how many are missing.
        public let shortfall: [UUID: Int]
        /// Reviews per reviewer once the plan is applied (existing ones included).
        public let load: [UUID: Int]
    }

    public enum Conflict: Sendable, Equatable {
        case sameOrganisation, declared, sameCountry
    }

    /// Why a reviewer may not review an application, or `nil` when they may.
    public static func conflict(applicant: Party, reviewer: Party, declared: Set<Pair>, avoidSameCountry: Bool) -> Conflict? {
        if declared.contains(Pair(applicationID: applicant.id, reviewerID: reviewer.id)) { return .declared }
        if let a = normalised(applicant.organisation), a == normalised(reviewer.organisation) { return .sameOrganisation }
        if avoidSameCountry, let a = normalised(applicant.country), a == normalised(reviewer.country) { return .sameCountry }
        return nil
    }

    static func normalised(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !text.isEmpty else { return nil }
        return text
    }

    public static func plan(applications: [Party], reviewers: [Party], existing: Set<Pair>, declared: Set<Pair>,
                            reviewsWanted: Int, avoidSameCountry: Bool) -> Plan {
        let applications = applications.sorted { $0.id.uuidString < $1.id.uuidString }
        let reviewers = reviewers.sorted { $0.id.uuidString < $1.id.uuidString }
        var existingLoad: [UUID: Int] = [:]
        var existingReviews: [UUID: Int] = [:]
        for pair in existing {
            existingLoad[pair.reviewerID, default: 0] += 1
            existingReviews[pair.applicationID, default: 0] += 1
        }
        let demand = applications.map { Swift.max(0, reviewsWanted - (existingReviews[$0.id] ?? 0)) }
        let eligible: [[Int]] = applications.map { application in
            reviewers.indices.filter { index in
                let reviewer = reviewers[index]
                return !existing.contains(Pair(applicationID: application.id, reviewerID: reviewer.id))
                    && conflict(applicant: application, reviewer: reviewer, declared: declared, avoidSameCountry: avoidSameCountry) == nil
            }
        }
        let placeable = zip(demand, eligible).reduce(0) { $0 + Swift.min($1.0, $1.1.count) }
        let totalLoad = existing.count + placeable
        let limit = { (capacity: Int, newWork: Int) in
            reviewers.map { Swift.min(newWork, Swift.max(0, capacity - (existingLoad[$0.id] ?? 0))) }
        }
        // First the lightest possible heaviest load, counting what reviewers already have;
        // then, within it, the new work spread as evenly as it can be (otherwise, when some
        // already carry a lot, the rest could all land on one of the others).
        var capacity = reviewers.isEmpty ? 0 : Swift.max((totalLoad + reviewers.count - 1) / reviewers.count, existingLoad.values.max() ?? 0)
        while capacity < totalLoad,
              flow(limits: limit(capacity, totalLoad), applications: applications, reviewers: reviewers, demand: demand, eligible: eligible).placed < placeable {
            capacity += 1
        }
        var newWork = reviewers.isEmpty ? 0 : (placeable + reviewers.count - 1) / reviewers.count
        var result = flow(limits: limit(capacity, newWork), applications: applications, reviewers: reviewers, demand: demand, eligible: eligible)
        while result.placed < placeable && newWork < placeable {
            newWork += 1
            result = flow(limits: limit(capacity, newWork), applications: applications, reviewers: reviewers, demand: demand, eligible: eligible)
        }
        let pairs = result.pairs
        var load = existingLoad
        for pair in pairs { load[pair.reviewerID, default: 0] += 1 }
        for reviewer in reviewers where load[reviewer.id] == nil { load[reviewer.id] = 0 }
        var shortfall: [UUID: Int] = [:]
        var got: [UUID: Int] = existingReviews
        for pair in pairs { got[pair.applicationID, default: 0] += 1 }
        for application in applications where (got[application.id] ?? 0) < reviewsWanted {
            shortfall[application.id] = reviewsWanted - (got[application.id] ?? 0)
        }
        return Plan(added: pairs, shortfall: shortfall, load: load)
    }

    /// The most reviews that can be placed with `limits[r]` more for reviewer `r`.
    private static func flow(limits: [Int], applications: [Party], reviewers: [Party], demand: [Int], eligible: [[Int]]) -> (placed: Int, pairs: [Pair]) {
        let source = 0, sink = 1, firstApplication = 2, firstReviewer = 2 + applications.count
        var network = MaxFlow(nodes: firstReviewer + reviewers.count)
        var edges: [(edge: Int, application: Int, reviewer: Int)] = []
        for (index, need) in demand.enumerated() where need > 0 {
            network.addEdge(from: source, to: firstApplication + index, capacity: need)
            for reviewer in eligible[index] {
                edges.append((network.addEdge(from: firstApplication + index, to: firstReviewer + reviewer, capacity: 1), index, reviewer))
            }
        }
        for (index, limit) in limits.enumerated() { network.addEdge(from: firstReviewer + index, to: sink, capacity: limit) }
        let placed = network.run(source: source, sink: sink)
        let pairs = edges.filter { network.flow(on: $0.edge) > 0 }
            .map { Pair(applicationID: applications[$0.application].id, reviewerID: reviewers[$0.reviewer].id) }
        return (placed, pairs)
    }
}
