import Foundation

/// Scores per application from its reviews: the plain average of each review's weighted mean,
/// a calibrated score that corrects lenient and harsh reviewers, the spread between reviewers,
/// and an agreement statistic for the whole call.
public struct ReviewAggregation: Sendable, Equatable {
    public struct ApplicationScore: Sendable, Equatable {
        public let applicationID: UUID
        public let reviewCount: Int
        /// Mean of the reviews' weighted means, on the rubric's scale.
        public let average: Double
        /// Mean of the reviews' calibrated scores, on the rubric's scale.
        public let calibrated: Double
        /// Highest minus lowest weighted mean among its reviews (0 with one review).
        public let spread: Double
        /// Reviewers disagree enough that the committee should discuss it.
        public let needsDiscussion: Bool
    }

    public struct ReviewerProfile: Sendable, Equatable {
        public let reviewerID: UUID
        public let reviewCount: Int
        public let mean: Double
        public let standardDeviation: Double
        /// Whether their scores were standardised (enough reviews with some spread).
        public let isCalibrated: Bool
    }

    public let scores: [ApplicationScore]
    public let reviewers: [ReviewerProfile]
    /// Krippendorff's alpha (interval) over all reviewed applications; `nil` when there is
    /// not enough overlap or no variation to measure it.
    public let agreement: Double?

    /// How the calibrated score is made, for the page that shows it.
    public static let method = """
        Each review's weighted mean is standardised against the reviewer's own mean and spread \
        (how many standard deviations above or below their usual score it is), then mapped back \
        onto the rubric's scale with the mean and spread of all reviews in the call. A reviewer \
        who scores everyone high or everyone low is corrected; one with fewer than \(minimumReviewsToCalibrate) \
        reviews, or who gave every application the same score, is left as scored.
        """

    public static let minimumReviewsToCalibrate = 3

    /// Reviews whose scores are incomplete for the rubric are ignored.
    public init(rubric: Rubric, reviews: [Review], discussionSpread: Double? = nil) {
        let scale = rubric.scale
        let threshold = discussionSpread ?? (scale.upperBound - scale.lowerBound) * 0.4
        let rated = reviews.compactMap { review in review.weightedMean(rubric).map { (review, $0) } }
        let all = rated.map(\.1)
        let overall = Statistics(all)

        var profiles: [UUID: ReviewerProfile] = [:]
        for (reviewer, theirs) in Dictionary(grouping: rated, by: { $0.0.reviewerID }) {
            let stats = Statistics(theirs.map(\.1))
            profiles[reviewer] = ReviewerProfile(reviewerID: reviewer, reviewCount: theirs.count, mean: stats.mean,
                                                 standardDeviation: stats.standardDeviation,
                                                 isCalibrated: theirs.count >= Self.minimumReviewsToCalibrate && stats.standardDeviation > 1e-9)
        }
        func calibrated(_ value: Double, by reviewer: UUID) -> Double {
            guard let profile = profiles[reviewer], profile.isCalibrated, overall.standardDeviation > 1e-9 else { return value }
            let z = (value - profile.mean) / profile.standardDeviation
            return Swift.min(scale.upperBound, Swift.max(scale.lowerBound, overall.mean + z * overall.standardDeviation))
        }

        scores = Dictionary(grouping: rated, by: { $0.0.applicationID }).map { application, theirs in
            let values = theirs.map(\.1)
            let spread = (values.max() ?? 0) - (values.min() ?? 0)
            return ApplicationScore(applicationID: application, reviewCount: values.count, average: Statistics(values).mean,
                                    calibrated: Statistics(theirs.map { calibrated($0.1, by: $0.0.reviewerID) }).mean,
                                    spread: spread, needsDiscussion: values.count >= 2 && spread >= threshold - 1e-9)
        }.sorted { $0.calibrated != $1.calibrated ? $0.calibrated > $1.calibrated : $0.applicationID.uuidString < $1.applicationID.uuidString }
        reviewers = profiles.values.sorted { $0.reviewerID.uuidString < $1.reviewerID.uuidString }
        agreement = KrippendorffAlpha.interval(units: Dictionary(grouping: rated, by: { $0.0.applicationID }).values.map { $0.map(\.1) })
    }
}

/// Mean and population standard deviation.
struct Statistics {
    let mean: Double
    let standardDeviation: Double

    init(_ values: [Double]) {
        guard !values.isEmpty else { mean = 0; standardDeviation = 0; return }
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }
}

/// Krippendorff's alpha for interval data: 1 minus the disagreement observed within
/// applications over the disagreement expected by chance among all the scores. 1 is perfect
/// agreement, 0 is no better than chance.
public enum KrippendorffAlpha {
    /// `units`: the values each unit (application) received; units with fewer than two are not pairable.
    public static func interval(units: [[Double]]) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let n = Double(pairable.reduce(0) { $0 + $1.count })
        guard n > 1 else { return nil }
        var observed = 0.0
        for values in pairable {
            var sum = 0.0
            for a in values { for b in values { sum += (a - b) * (a - b) } }
            observed += sum / Double(values.count - 1)
        }
        observed /= n
        let all = pairable.flatMap { $0 }
        let total = all.reduce(0, +), squares = all.reduce(0) { $0 + $1 * $1 }
        let expected = (2 * n * squares - 2 * total * total) / (n * (n - 1))
        guard expected > 1e-12 else { return nil }
        return 1 - observed / expected
    }
}
