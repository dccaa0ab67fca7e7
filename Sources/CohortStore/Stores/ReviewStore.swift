import CohortCore
import FluentKit
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
        try await db.modelTransaction { tx in
            let settings = try await db.statements(in: tx) { sql in try Self.settings(callID: callID, on: sql) }
            guard let rubric = settings.rubric else { throw DomainError.conflict(.rubricBeforeAssigning) }
            let reviewers = try await db.statements(in: tx) { sql in try Self.reviewers(programID: programID, on: sql) }
            guard !reviewers.isEmpty else { throw DomainError.conflict(.programHasNoReviewers) }
            let applications = try await db.statements(in: tx) { sql in try Self.reviewable(callID: callID, on: sql) }
            let existing = try await Self.pairs(ReviewAssignmentRecord.query(on: tx).filter(\.$callID == callID).all())
            let declared = try await Self.declared(applicationIDs: applications.map(\.id), on: tx)
            let plan = ReviewAssignment.plan(applications: applications, reviewers: reviewers, existing: existing, declared: declared,
                                             reviewsWanted: rubric.reviewsWanted, avoidSameCountry: settings.avoidsSameCountry)
            for pair in plan.added { try await ReviewAssignmentRecord(callID: callID, pair: pair, assignedBy: nil, now: now).create(on: tx) }
            return plan
        }
    }

    /// A manager gives an application to a reviewer by hand. Refused when the reviewer is not one
    /// of the program's, or has a conflict with the applicant (the reason is said).
    public func assign(applicationID: UUID, reviewerID: UUID, callID: UUID, programID: UUID, by managerID: UUID, now: Date) async throws {
        try await db.modelTransaction { tx in
            guard let reviewer = try await db.statements(in: tx) { sql in try Self.reviewers(programID: programID, on: sql) }.first(where: { $0.id == reviewerID }) else {
                throw ValidationFailure([FieldError("reviewer", "Choose one of the program's reviewers.")])
            }
            guard let application = try await db.statements(in: tx) { sql in try Self.reviewable(callID: callID, on: sql) }.first(where: { $0.id == applicationID }) else {
                throw DomainError.notFound("application")
            }
            let settings = try await db.statements(in: tx) { sql in try Self.settings(callID: callID, on: sql) }
            let declared = try await Self.declared(applicationIDs: [applicationID], on: tx)
            switch ReviewAssignment.conflict(applicant: application, reviewer: reviewer, declared: declared, avoidSameCountry: settings.avoidsSameCountry) {
            case .declared?: throw ValidationFailure([FieldError("reviewer", "This reviewer said they know the applicant.")])
            case .sameOrganisation?: throw ValidationFailure([FieldError("reviewer", "This reviewer works at the applicant's organisation.")])
            case .sameCountry?: throw ValidationFailure([FieldError("reviewer", "This reviewer is from the applicant's country, which this call counts as a conflict.")])
            case nil: break
            }
            let pair = ReviewAssignment.Pair(applicationID: applicationID, reviewerID: reviewerID)
            guard try await ReviewAssignmentRecord.query(on: tx).filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).count() == 0 else {
                return
            }
            try await ReviewAssignmentRecord(callID: callID, pair: pair, assignedBy: managerID, now: now).create(on: tx)
        }
    }

    /// Takes an application back from a reviewer who has not reviewed it yet.
    public func unassign(applicationID: UUID, reviewerID: UUID, callID: UUID) async throws {
        try await db.modelTransaction { tx in
            guard let assignment = try await ReviewAssignmentRecord.query(on: tx).filter(\.$callID == callID)
                .filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).first() else { throw DomainError.notFound("assignment") }
            let reviewed = try await ReviewRecord.query(on: tx).filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).count()
            guard reviewed == 0 else { throw DomainError.conflict(.alreadyReviewed) }
            try await assignment.delete(on: tx)
        }
    }

    /// "I know this person": the reviewer's assignment and any review of theirs is removed, the
    /// conflict is kept, and another reviewer without a conflict takes the place if there is one.
    public func declareConflict(applicationID: UUID, reviewerID: UUID, programID: UUID, note: String, now: Date) async throws -> UUID? {
        try await db.modelTransaction { tx in
            guard let assignment = try await ReviewAssignmentRecord.query(on: tx).filter(\.$applicationID == applicationID)
                .filter(\.$reviewerID == reviewerID).first() else { throw DomainError.notFound("assignment") }
            let callID = assignment.callID
            try await assignment.delete(on: tx)
            try await ReviewRecord.query(on: tx).filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).delete()
            let conflict = ReviewConflictRecord()
            conflict.id = UUID()
            conflict.applicationID = applicationID
            conflict.reviewerID = reviewerID
            conflict.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            conflict.createdAt = now
            try await conflict.create(on: tx)
            let settings = try await db.statements(in: tx) { sql in try Self.settings(callID: callID, on: sql) }
            guard let application = try await db.statements(in: tx) { sql in try Self.reviewable(callID: callID, on: sql) }.first(where: { $0.id == applicationID }) else { return nil }
            let existing = try await Self.pairs(ReviewAssignmentRecord.query(on: tx).filter(\.$callID == callID).all())
            let declared = try await Self.declared(applicationIDs: [applicationID], on: tx)
            let wanted = existing.filter { $0.applicationID == applicationID }.count + 1
            let plan = ReviewAssignment.plan(applications: [application], reviewers: try await db.statements(in: tx) { sql in try Self.reviewers(programID: programID, on: sql) },
                                             existing: existing, declared: declared, reviewsWanted: wanted,
                                             avoidSameCountry: settings.avoidsSameCountry)
            guard let replacement = plan.added.first else { return nil }
            try await ReviewAssignmentRecord(callID: callID, pair: replacement, assignedBy: nil, now: now).create(on: tx)
            return replacement.reviewerID
        }
    }

    /// What one reviewer has to do in a call, oldest assignment first.
    public func queue(callID: UUID, reviewerID: UUID) async throws -> [QueueItem] {
        let assigned = try await ReviewAssignmentRecord.query(on: db.fluent).filter(\.$callID == callID).filter(\.$reviewerID == reviewerID)
            .sort(\.$createdAt).sort(\.$applicationID).all()
        let done = Set(try await ReviewRecord.query(on: db.fluent).filter(\.$callID == callID).filter(\.$reviewerID == reviewerID).all().map(\.applicationID))
        return assigned.map { QueueItem(applicationID: $0.applicationID, isReviewed: done.contains($0.applicationID)) }
    }

    /// The calls a reviewer has work in: how many applications are assigned and how many reviewed.
    public func calls(reviewerID: UUID) async throws -> [(callID: UUID, assigned: Int, reviewed: Int)] {
        let assigned = try await ReviewAssignmentRecord.query(on: db.fluent).filter(\.$reviewerID == reviewerID).all()
        let done = try await ReviewRecord.query(on: db.fluent).filter(\.$reviewerID == reviewerID).all()
        let doneByCall = Dictionary(grouping: done, by: \.callID).mapValues(\.count)
        return Dictionary(grouping: assigned, by: \.callID).map { ($0.key, $0.value.count, doneByCall[$0.key] ?? 0) }
            .sorted { $0.callID.uuidString < $1.callID.uuidString }
    }

    /// Who reviews what in a call, and which of those reviews are written.
    public func assignments(callID: UUID) async throws -> [(pair: ReviewAssignment.Pair, isReviewed: Bool)] {
        let assigned = try await ReviewAssignmentRecord.query(on: db.fluent).filter(\.$callID == callID).all()
        let done = Set(try await ReviewRecord.query(on: db.fluent).filter(\.$callID == callID).all()
            .map { ReviewAssignment.Pair(applicationID: $0.applicationID, reviewerID: $0.reviewerID) })
        return assigned.map { record in
            let pair = ReviewAssignment.Pair(applicationID: record.applicationID, reviewerID: record.reviewerID)
            return (pair, done.contains(pair))
        }
    }

    /// One reviewer's review of an application, if written.
    public func review(applicationID: UUID, reviewerID: UUID) async throws -> Review? {
        try await ReviewRecord.query(on: db.fluent).filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).first()?.value()
    }

    public func isAssigned(applicationID: UUID, reviewerID: UUID) async throws -> Bool {
        try await ReviewAssignmentRecord.query(on: db.fluent).filter(\.$applicationID == applicationID).filter(\.$reviewerID == reviewerID).count() > 0
    }

    /// Saves (or replaces) a review. Refused unless the reviewer is assigned to the application,
    /// and field by field when a score is missing or off the rubric's scale.
    public func save(_ review: Review, now: Date) async throws {
        try await db.modelTransaction { tx in
            guard let assignment = try await ReviewAssignmentRecord.query(on: tx).filter(\.$applicationID == review.applicationID)
                .filter(\.$reviewerID == review.reviewerID).first() else { throw DomainError.forbidden }
            guard let rubric = try await db.statements(in: tx, { sql in try Self.settings(callID: assignment.callID, on: sql) }).rubric else {
                throw DomainError.conflict(.callHasNoRubric)
            }
            let problems = review.problems(against: rubric)
            if !problems.isEmpty { throw ValidationFailure(problems) }
            let scores = review.scores.filter { key, _ in rubric.criteria.contains { $0.key == key } }
            let record = try await ReviewRecord.query(on: tx).filter(\.$applicationID == review.applicationID)
                .filter(\.$reviewerID == review.reviewerID).first() ?? {
                    let fresh = ReviewRecord()
                    fresh.id = UUID()
                    fresh.submittedAt = now
                    return fresh
                }()
            record.callID = assignment.callID
            record.applicationID = review.applicationID
            record.reviewerID = review.reviewerID
            record.scores = try JSONText.encode(scores)
            record.comment = review.comment.trimmingCharacters(in: .whitespacesAndNewlines)
            record.recommendation = review.recommendation.rawValue
            record.updatedAt = now
            try await record.save(on: tx)
        }
    }

    public func reviews(callID: UUID) async throws -> [Review] {
        try await ReviewRecord.query(on: db.fluent).filter(\.$callID == callID).all().map { try $0.value() }
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

    static func pairs(_ records: [ReviewAssignmentRecord]) -> Set<ReviewAssignment.Pair> {
        Set(records.map { ReviewAssignment.Pair(applicationID: $0.applicationID, reviewerID: $0.reviewerID) })
    }

    static func declared(applicationIDs: [UUID], on db: any Database) async throws -> Set<ReviewAssignment.Pair> {
        guard !applicationIDs.isEmpty else { return [] }
        return Set(try await ReviewConflictRecord.query(on: db).filter(\.$applicationID ~~ applicationIDs).all()
            .map { ReviewAssignment.Pair(applicationID: $0.applicationID, reviewerID: $0.reviewerID) })
    }
}
