import CohortCore
import FluentKit
import Foundation

final class ReviewAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "review_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    /// `nil`: made by automatic assignment.
    @OptionalField(key: "assigned_by") var assignedBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(callID: UUID, pair: ReviewAssignment.Pair, assignedBy: UUID?, now: Date) {
        id = UUID()
        self.callID = callID
        applicationID = pair.applicationID
        reviewerID = pair.reviewerID
        self.assignedBy = assignedBy
        createdAt = now
    }
}

final class ReviewConflictRecord: Model, @unchecked Sendable {
    static let schema = "review_conflicts"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class ReviewRecord: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "scores") var scores: String
    @Field(key: "comment") var comment: String
    @Field(key: "recommendation") var recommendation: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func value() throws -> Review {
        Review(reviewerID: reviewerID, applicationID: applicationID, scores: try JSONText.decode([String: Int].self, scores),
               comment: comment, recommendation: try stored(recommendation, table: Self.schema, column: "recommendation"))
    }
}
