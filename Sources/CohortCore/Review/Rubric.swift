import Foundation

/// What reviewers score an application on: criteria with weights, each on a whole-number scale.
public struct Rubric: Sendable, Equatable, Codable {
    public struct Criterion: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var description: String
        public var weight: Double
        public var lowest: Int
        public var highest: Int

        public init(key: String, name: String, description: String = "", weight: Double = 1, lowest: Int = 1, highest: Int = 5) {
            self.key = key
            self.name = name
            self.description = description
            self.weight = weight
            self.lowest = lowest
            self.highest = highest
        }
    }

    public var criteria: [Criterion]
    /// How many reviews each eligible application should get.
    public var reviewsWanted: Int

    public init(criteria: [Criterion], reviewsWanted: Int = 2) {
        self.criteria = criteria
        self.reviewsWanted = reviewsWanted
    }

    /// The range every weighted mean falls in: criteria may use different scales, so review
    /// scores are put on the rubric's common scale, from the lowest to the highest of them.
    public var scale: ClosedRange<Double> {
        let lowest = criteria.map(\.lowest).min() ?? 1, highest = criteria.map(\.highest).max() ?? 5
        return Double(lowest)...Double(Swift.max(highest, lowest))
    }

    /// Problems field by field; empty when the rubric can be used.
    public var problems: [FieldError] {
        var problems: [FieldError] = []
        if criteria.isEmpty { problems.append(FieldError("criteria", "Add at least one criterion.")) }
        if !(1...10).contains(reviewsWanted) {
            problems.append(FieldError("reviewsWanted", "Ask for between 1 and 10 reviews per application."))
        }
        var keys = Set<String>()
        for (index, criterion) in criteria.enumerated() {
            let field = "criteria[\(index)]"
            if criterion.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError("\(field).name", "Give the criterion a name."))
            }
            if !keys.insert(criterion.key).inserted || criterion.key.isEmpty {
                problems.append(FieldError("\(field).key", "Each criterion needs its own key."))
            }
            if !(criterion.weight > 0 && criterion.weight <= 100) {
                problems.append(FieldError("\(field).weight", "The weight must be more than 0 and at most 100."))
            }
            if criterion.lowest >= criterion.highest || criterion.lowest < 0 || criterion.highest > 100 {
                problems.append(FieldError("\(field).scale", "The scale must run upwards, between 0 and 100 (for example 1 to 5)."))
            }
        }
        return problems
    }
}

/// One reviewer's review of one application.
public struct Review: Sendable, Equatable, Codable {
    public enum Recommendation: String, Sendable, Codable, CaseIterable {
        case recommend, maybe, doNotRecommend = "do-not-recommend"
    }

    public var reviewerID: UUID
    public var applicationID: UUID
    /// Criterion key to score.
    public var scores: [String: Int]
    public var comment: String
    public var recommendation: Recommendation

    public init(reviewerID: UUID, applicationID: UUID, scores: [String: Int], comment: String = "", recommendation: Recommendation) {
        self.reviewerID = reviewerID
        self.applicationID = applicationID
        self.scores = scores
        self.comment = comment
        self.recommendation = recommendation
    }

    /// Problems with this review against the rubric: a score missing or off its scale.
    public func problems(against rubric: Rubric) -> [FieldError] {
        rubric.criteria.compactMap { criterion in
            guard let score = scores[criterion.key] else {
                return FieldError(criterion.key, "Give a score for \(criterion.name).")
            }
            guard (criterion.lowest...criterion.highest).contains(score) else {
                return FieldError(criterion.key, "Score \(criterion.name) from \(criterion.lowest) to \(criterion.highest).")
            }
            return nil
        }
    }

    /// The weighted mean of the criteria scores, each first put on the rubric's common scale.
    public func weightedMean(_ rubric: Rubric) -> Double? {
        var total = 0.0, weights = 0.0
        let scale = rubric.scale
        for criterion in rubric.criteria {
            guard let score = scores[criterion.key] else { return nil }
            let share = Double(score - criterion.lowest) / Double(criterion.highest - criterion.lowest)
            total += criterion.weight * (scale.lowerBound + share * (scale.upperBound - scale.lowerBound))
            weights += criterion.weight
        }
        return weights > 0 ? total / weights : nil
    }
}
