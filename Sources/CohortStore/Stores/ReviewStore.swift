import CohortCore
import Foundation
import SQLKit

/// How a call is reviewed: its rubric and settings, who reviews what, and the reviews.
/// Every change is one transaction; a reviewer only ever touches applications assigned to them.
public struct ReviewStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public struct Settings: Sendable, Equatable {
        public var rubric: Rubric?
        /// Reviewers never see who the applicant is.
        public var isBlind: Bool
        /// A reviewer from the applicant's country counts as a conflict.
        public var avoidsSameCountry: Bool

        public init(rubric: Rubric?, isBlind: Bool, avoidsSameCountry: Bool) {
            self.rubric = rubric
            self.isBlind = isBlind
            self.avoidsSameCountry = avoidsSameCountry
        }
    }

    public struct QueueItem: Sendable, Equatable {
        public let applicationID: UUID
        public let isReviewed: Bool
    }

    public func settings(callID: UUID) async throws -> Settings {
        try await db.read { sql in try Self.settings(callID: callID, on: sql) }
    }

    static func settings(callID: UUID, on sql: any SyncSQL) throws -> Settings {
        struct Row: Decodable { let rubric: String?; let blind_review: Bool; let reviews_avoid_same_country: Bool }
        guard let row = try sql.first("""
            SELECT rubric, blind_review, reviews_avoid_same_country FROM calls WHERE id = \(bind: callID)
            """, decoding: Row.self) else { throw DomainError.notFound("call") }
        let rubric: Rubric?
        do { rubric = try row.rubric.map { try JSONText.decode(Rubric.self, $0) } } catch { throw StoreError.corrupt(table: "calls", column: "rubric") }
        return Settings(rubric: rubric, isBlind: row.blind_review, avoidsSameCountry: row.reviews_avoid_same_country)
    }

    /// Saves the settings; a rubric with problems is refused field by field.
    public func save(_ settings: Settings, callID: UUID) async throws {
        if let problems = settings.rubric?.problems, !problems.isEmpty { throw ValidationFailure(problems) }
        let rubric = try settings.rubric.map { try JSONText.encode($0) }
        try await db.write { sql in
            let updated = try sql.rows("""
                UPDATE calls SET rubric = \(bind: rubric), blind_review = \(bind: settings.isBlind), \
                reviews_avoid_same_country = \(bind: settings.avoidsSameCountry) WHERE id = \(bind: callID) RETURNING id
                """)
            guard !updated.isEmpty else { throw DomainError.notFound("call") }
        }
    }

    /// Automatic assignment for the call's eligible submitted applications, added to what is
    /// already assigned. Returns the plan that was saved.
    public func autoAssign(callID: UUID, programID: UUID, now: Date) async throws -> ReviewAssignment.Plan {
        try await db.write { sql in
            let settings = try Self.settings(callID: callID, on: sql)
            guard let rubric = settings.rubric else { throw DomainError.conflict(.rubricBeforeAssigning) }
            let reviewers = try Self.reviewers(programID: programID, on: sql)
            guard !reviewers.isEmpty else { throw DomainError.conflict(.programHasNoReviewers) }
            let plan = ReviewAssignment.plan(applications: try Self.reviewable(callID: callID, on: sql), reviewers: reviewers,
                                             existing: try ReviewSQL.assignedPairs(callID: callID, on: sql),
                                             declared: try ReviewSQL.declared(callID: callID, on: sql),
                                             reviewsWanted: rubric.reviewsWanted, avoidSameCountry: settings.avoidsSameCountry)
            for pair in plan.added { try ReviewSQL.insertAssignment(pair, callID: callID, assignedBy: nil, now: now, on: sql) }
            return plan
        }
    }

    /// A manager gives an application to a reviewer by hand. Refused when the reviewer is not one
    /// of the program's, or has a conflict with the applicant (the reason is said).
    public func assign(applicationID: UUID, reviewerID: UUID, callID: UUID, programID: UUID, by managerID: UUID, now: Date) async throws {
        try await db.write { sql in
            guard let reviewer = try Self.reviewers(programID: programID, on: sql).first(where: { $0.id == reviewerID }) else {
                throw FieldRefusal(.reviewerNotInProgram)
            }
            guard let application = try Self.reviewable(callID: callID, on: sql).first(where: { $0.id == applicationID }) else {
                throw DomainError.notFound("application")
            }
            let settings = try Self.settings(callID: callID, on: sql)
            let declared = try ReviewSQL.declared(applicationID: applicationID, on: sql)
            switch ReviewAssignment.conflict(applicant: application, reviewer: reviewer, declared: declared, avoidSameCountry: settings.avoidsSameCountry) {
            case .declared?: throw FieldRefusal(.reviewerKnowsApplicant)
            case .sameOrganisation?: throw FieldRefusal(.reviewerSameOrganisation)
            case .sameCountry?: throw FieldRefusal(.reviewerSameCountry)
            case nil: break
            }
            guard try ReviewSQL.assignedCall(applicationID: applicationID, reviewerID: reviewerID, on: sql) == nil else { return }
            let pair = ReviewAssignment.Pair(applicationID: applicationID, reviewerID: reviewerID)
            try ReviewSQL.insertAssignment(pair, callID: callID, assignedBy: managerID, now: now, on: sql)
        }
    }

    /// Takes an application back from a reviewer who has not reviewed it yet.
    public func unassign(applicationID: UUID, reviewerID: UUID, callID: UUID) async throws {
        try await db.write { sql in
            guard try ReviewSQL.assignedCall(applicationID: applicationID, reviewerID: reviewerID, on: sql) == callID else {
                throw DomainError.notFound("assignment")
            }
            guard try ReviewSQL.review(applicationID: applicationID, reviewerID: reviewerID, on: sql) == nil else {
                throw DomainError.conflict(.alreadyReviewed)
            }
            try ReviewSQL.deleteAssignment(applicationID: applicationID, reviewerID: reviewerID, on: sql)
        }
    }

    /// "I know this person": the reviewer's assignment and any review of theirs is removed, the
    /// conflict is kept, and another reviewer without a conflict takes the place if there is one.
    public func declareConflict(applicationID: UUID, reviewerID: UUID, programID: UUID, note: String, now: Date) async throws -> UUID? {
        try await db.write { sql in
            guard let callID = try ReviewSQL.assignedCall(applicationID: applicationID, reviewerID: reviewerID, on: sql) else {
                throw DomainError.notFound("assignment")
            }
            try ReviewSQL.deleteAssignment(applicationID: applicationID, reviewerID: reviewerID, on: sql)
            try ReviewSQL.deleteReview(applicationID: applicationID, reviewerID: reviewerID, on: sql)
            try ReviewSQL.insertConflict(ReviewAssignment.Pair(applicationID: applicationID, reviewerID: reviewerID),
                                         note: note.trimmingCharacters(in: .whitespacesAndNewlines), now: now, on: sql)
            let settings = try Self.settings(callID: callID, on: sql)
            guard let application = try Self.reviewable(callID: callID, on: sql).first(where: { $0.id == applicationID }) else { return nil }
            let existing = try ReviewSQL.assignedPairs(callID: callID, on: sql)
            let wanted = existing.filter { $0.applicationID == applicationID }.count + 1
            let plan = ReviewAssignment.plan(applications: [application], reviewers: try Self.reviewers(programID: programID, on: sql),
                                             existing: existing, declared: try ReviewSQL.declared(applicationID: applicationID, on: sql),
                                             reviewsWanted: wanted, avoidSameCountry: settings.avoidsSameCountry)
            guard let replacement = plan.added.first else { return nil }
            try ReviewSQL.insertAssignment(replacement, callID: callID, assignedBy: nil, now: now, on: sql)
            return replacement.reviewerID
        }
    }

    /// What one reviewer has to do in a call, oldest assignment first.
    public func queue(callID: UUID, reviewerID: UUID) async throws -> [QueueItem] {
        try await db.read { sql in
            try ReviewSQL.assignments(where: "a.call_id = \(bind: callID) AND a.reviewer_id = \(bind: reviewerID)", on: sql)
                .map { QueueItem(applicationID: $0.pair.applicationID, isReviewed: $0.isReviewed) }
        }
    }

    /// The calls a reviewer has work in: how many applications are assigned and how many reviewed.
    public func calls(reviewerID: UUID) async throws -> [(callID: UUID, assigned: Int, reviewed: Int)] {
        let assignments = try await db.read { sql in try ReviewSQL.assignments(where: "a.reviewer_id = \(bind: reviewerID)", on: sql) }
        return Dictionary(grouping: assignments, by: \.callID)
            .map { ($0.key, $0.value.count, $0.value.filter(\.isReviewed).count) }
            .sorted { $0.callID.uuidString < $1.callID.uuidString }
    }

    /// Who reviews what in a call, and which of those reviews are written.
    public func assignments(callID: UUID) async throws -> [(pair: ReviewAssignment.Pair, isReviewed: Bool)] {
        try await db.read { sql in
            try ReviewSQL.assignments(where: "a.call_id = \(bind: callID)", on: sql).map { ($0.pair, $0.isReviewed) }
        }
    }

    /// One reviewer's review of an application, if written.
    public func review(applicationID: UUID, reviewerID: UUID) async throws -> Review? {
        try await db.read { sql in try ReviewSQL.review(applicationID: applicationID, reviewerID: reviewerID, on: sql) }
    }

    public func isAssigned(applicationID: UUID, reviewerID: UUID) async throws -> Bool {
        try await db.read { sql in try ReviewSQL.assignedCall(applicationID: applicationID, reviewerID: reviewerID, on: sql) != nil }
    }

    /// Saves (or replaces) a review. Refused unless the reviewer is assigned to the application,
    /// and field by field when a score is missing or off the rubric's scale.
    public func save(_ review: Review, now: Date) async throws {
        try await db.write { sql in
            guard let callID = try ReviewSQL.assignedCall(applicationID: review.applicationID, reviewerID: review.reviewerID, on: sql) else {
                throw DomainError.forbidden
            }
            guard let rubric = try Self.settings(callID: callID, on: sql).rubric else { throw DomainError.conflict(.callHasNoRubric) }
            let problems = review.problems(against: rubric)
            if !problems.isEmpty { throw ValidationFailure(problems) }
            let scores = review.scores.filter { key, _ in rubric.criteria.contains { $0.key == key } }
            try ReviewSQL.upsert(review, scores: scores, callID: callID, now: now, on: sql)
        }
    }

    public func reviews(callID: UUID) async throws -> [Review] {
        try await db.read { sql in try ReviewSQL.reviews(callID: callID, on: sql) }
    }

    /// The call's scores from its reviews (nil until it has a rubric).
    public func aggregation(callID: UUID) async throws -> ReviewAggregation? {
        guard let rubric = try await settings(callID: callID).rubric else { return nil }
        return ReviewAggregation(rubric: rubric, reviews: try await reviews(callID: callID))
    }

    // MARK: Loading the parties

    /// The applications of the call that are reviewed: eligible and submitted.
    public func reviewableApplicationIDs(callID: UUID) async throws -> [UUID] {
        try await db.read { sql in try Self.reviewable(callID: callID, on: sql).map(\.id) }
    }

    /// The program's reviewers with their names, for the manager's page.
    public func reviewers(programID: UUID) async throws -> [(party: ReviewAssignment.Party, name: String)] {
        try await db.read { sql in try Self.reviewerRows(programID: programID, on: sql) }
    }

    /// Accounts with the reviewer role in the program, with the name of their organisation.
    static func reviewers(programID: UUID, on sql: any SyncSQL) throws -> [ReviewAssignment.Party] {
        try reviewerRows(programID: programID, on: sql).map(\.party)
    }

    private static func reviewerRows(programID: UUID, on sql: any SyncSQL) throws -> [(party: ReviewAssignment.Party, name: String)] {
        struct Row: Decodable { let id: UUID; let account_name: String; let organisation_name: String?; let country: String? }
        return try sql.rows("""
            SELECT a.id, a.name AS account_name, o.name AS organisation_name, o.country FROM program_memberships m \
            JOIN accounts a ON a.id = m.account_id LEFT JOIN organisations o ON o.id = a.organisation_id \
            WHERE m.program_id = \(bind: programID) AND m.role = \(bind: ProgramRole.reviewer.rawValue) AND a.is_active = \(bind: true)
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }.map {
            (ReviewAssignment.Party(id: $0.id, organisation: $0.organisation_name, country: $0.country), $0.account_name)
        }
    }

    /// Submitted, eligible applications of the call, with the organisation and country they gave.
    static func reviewable(callID: UUID, on sql: any SyncSQL) throws -> [ReviewAssignment.Party] {
        let statuses = [ApplicationStatus.submitted, .underReview, .shortlisted].map(\.rawValue)
        return try sql.rows("""
            SELECT \(unsafeRaw: ApplicationSQL.columnList) FROM applications WHERE call_id = \(bind: callID) \
            AND status IN (\(binds: statuses)) AND is_eligible = \(bind: true)
            """).map(ApplicationSQL.Row.init).map { row in
            let answers = try row.decodedAnswers()
            var organisation: String?
            if case .text(let text)? = answers["organisation"] { organisation = text }
            return ReviewAssignment.Party(id: row.id, organisation: organisation, country: row.nationality.isEmpty ? nil : row.nationality)
        }
    }
}
