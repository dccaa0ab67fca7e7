import Foundation

/// What a call's applicants are told after selection, and what the accepted ones answer.
public struct SelectionDecision: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable, Codable {
        case accepted, waitlisted, declined
    }

    public enum Response: String, Sendable, Codable {
        case confirmed, declined
    }

    public let applicationID: UUID
    public let reference: String
    public let runID: UUID
    public let outcome: Outcome
    /// Accepted applicants answer by then (the server's clock decides).
    public let respondBy: Date?
    /// 1 for the first on the waitlist.
    public let waitlistRank: Int?
    public var response: Response?
    public var respondedAt: Date?

    public init(applicationID: UUID, reference: String, runID: UUID, outcome: Outcome, respondBy: Date?, waitlistRank: Int?,
                response: Response? = nil, respondedAt: Date? = nil) {
        self.applicationID = applicationID
        self.reference = reference
        self.runID = runID
        self.outcome = outcome
        self.respondBy = respondBy
        self.waitlistRank = waitlistRank
        self.response = response
        self.respondedAt = respondedAt
    }

    /// Why an answer cannot be taken now, or nil when it can.
    public func refusal(at now: Date) -> Refusal? {
        guard outcome == .accepted else { return .notAnOffer }
        if response != nil { return .alreadyAnswered }
        if let respondBy, now > respondBy { return .timePassed }
        return nil
    }

    /// Why an offer cannot be answered now.
    public enum Refusal: Equatable, Sendable {
        case notAnOffer
        case alreadyAnswered
        case timePassed
    }
}

/// The decisions a run leads to: its cohort accepted, the next best scores (who could still be
/// chosen) waitlisted in score order, and every other reviewed applicant declined.
public enum SelectionDecisionPlan {
    public struct Entry: Sendable, Equatable {
        public let reference: String
        public let outcome: SelectionDecision.Outcome
        public let waitlistRank: Int?
    }

    public static func make(instance: SelectionInstance, selected: [String], waitlistSize: Int) -> [Entry] {
        let chosen = Set(selected)
        let excluded = Set(instance.exclude)
        let scored = instance.applicants.filter { $0.score != nil }
            .sorted { $0.score! != $1.score! ? $0.score! > $1.score! : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var entries = selected.sorted().map { Entry(reference: $0, outcome: .accepted, waitlistRank: nil) }
        var rank = 0
        for applicant in scored where !chosen.contains(applicant.id) {
            if rank < waitlistSize && !excluded.contains(applicant.id) {
                rank += 1
                entries.append(Entry(reference: applicant.id, outcome: .waitlisted, waitlistRank: rank))
            } else {
                entries.append(Entry(reference: applicant.id, outcome: .declined, waitlistRank: nil))
            }
        }
        return entries
    }

    /// When someone accepted declines: the best waitlisted applicant who can take the place
    /// with every quota still met by the cohort as it now stands (nil: nobody can alone).
    public static func replacement(for leaving: String, instance: SelectionInstance, cohort: [String], waitlist: [String]) -> String? {
        var restricted = instance
        let allowed = Set(waitlist).union(cohort)
        // Only the waitlist may come in; everyone else is out of this question.
        restricted.exclude = instance.applicants.map(\.id).filter { !allowed.contains($0) }
        restricted.include = []
        let explanation = SelectionExplanation(instance: restricted, selected: cohort, attributes: [])
        return explanation.replacements[leaving] ?? nil
    }
}
