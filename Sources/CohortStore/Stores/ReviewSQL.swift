import CohortCore
import Foundation
import SQLKit

/// The `review_assignments`, `review_conflicts` and `reviews` rows, read and written here only.
enum ReviewSQL {
    // MARK: Assignments

    static func assignedPairs(callID: UUID, on sql: any SyncSQL) throws -> Set<ReviewAssignment.Pair> {
        Set(try sql.rows("SELECT application_id, reviewer_id FROM review_assignments WHERE call_id = \(bind: callID)")
            .map { try $0.decode(model: PairRow.self, keyDecodingStrategy: .useDefaultKeys).pair })
    }

    /// The call an assignment belongs to, if the reviewer is assigned to the application.
    static func assignedCall(applicationID: UUID, reviewerID: UUID, on sql: any SyncSQL) throws -> UUID? {
        struct Row: Decodable { let call_id: UUID }
        return try sql.first("""
            SELECT call_id FROM review_assignments WHERE application_id = \(bind: applicationID) AND reviewer_id = \(bind: reviewerID)
            """, decoding: Row.self)?.call_id
    }

    static func insertAssignment(_ pair: ReviewAssignment.Pair, callID: UUID, assignedBy: UUID?, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO review_assignments (id, call_id, application_id, reviewer_id, assigned_by, created_at)
            VALUES (\(bind: UUID()), \(bind: callID), \(bind: pair.applicationID), \(bind: pair.reviewerID), \(bind: assignedBy), \(bind: now))
            """)
    }

    static func deleteAssignment(applicationID: UUID, reviewerID: UUID, on sql: any SyncSQL) throws {
        try sql.run("DELETE FROM review_assignments WHERE application_id = \(bind: applicationID) AND reviewer_id = \(bind: reviewerID)")
    }

    /// Each assignment with whether its review is written; `filter` is the statement's WHERE
    /// on the assignment (`a`). Oldest first, so a reviewer's queue keeps its order.
    static func assignments(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [(callID: UUID, pair: ReviewAssignment.Pair, isReviewed: Bool)] {
        struct Row: Decodable { let call_id: UUID; let application_id: UUID; let reviewer_id: UUID; let review_id: UUID? }
        let query: SQLQueryString = """
            SELECT a.call_id, a.application_id, a.reviewer_id, r.id AS review_id FROM review_assignments a \
            LEFT JOIN reviews r ON r.application_id = a.application_id AND r.reviewer_id = a.reviewer_id \
            WHERE \(filter) ORDER BY a.created_at, a.application_id, a.reviewer_id
            """
        return try sql.rows(query).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys) }.map {
            ($0.call_id, ReviewAssignment.Pair(applicationID: $0.application_id, reviewerID: $0.reviewer_id), $0.review_id != nil)
        }
    }

    // MARK: Conflicts

    /// The conflicts declared on the call's applications.
    static func declared(callID: UUID, on sql: any SyncSQL) throws -> Set<ReviewAssignment.Pair> {
        Set(try sql.rows("""
            SELECT c.application_id, c.reviewer_id FROM review_conflicts c JOIN applications a ON a.id = c.application_id \
            WHERE a.call_id = \(bind: callID)
            """).map { try $0.decode(model: PairRow.self, keyDecodingStrategy: .useDefaultKeys).pair })
    }

    static func declared(applicationID: UUID, on sql: any SyncSQL) throws -> Set<ReviewAssignment.Pair> {
        Set(try sql.rows("SELECT application_id, reviewer_id FROM review_conflicts WHERE application_id = \(bind: applicationID)")
            .map { try $0.decode(model: PairRow.self, keyDecodingStrategy: .useDefaultKeys).pair })
    }

    static func insertConflict(_ pair: ReviewAssignment.Pair, note: String, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO review_conflicts (id, application_id, reviewer_id, note, created_at)
            VALUES (\(bind: UUID()), \(bind: pair.applicationID), \(bind: pair.reviewerID), \(bind: note), \(bind: now))
            """)
    }

    // MARK: Reviews

    static let reviewColumns = "application_id, reviewer_id, scores, comment, recommendation"

    struct ReviewRow: Decodable {
        let application_id: UUID
        let reviewer_id: UUID
        let scores: String
        let comment: String
        let recommendation: String

        var review: Review {
            get throws {
                let decoded: [String: Int]
                do { decoded = try JSONText.decode([String: Int].self, scores) } catch { throw StoreError.corrupt(table: "reviews", column: "scores") }
                return Review(reviewerID: reviewer_id, applicationID: application_id, scores: decoded, comment: comment,
                              recommendation: try stored(recommendation, table: "reviews", column: "recommendation"))
            }
        }
    }

    static func review(applicationID: UUID, reviewerID: UUID, on sql: any SyncSQL) throws -> Review? {
        try sql.first("""
            SELECT \(unsafeRaw: reviewColumns) FROM reviews WHERE application_id = \(bind: applicationID) AND reviewer_id = \(bind: reviewerID)
            """, decoding: ReviewRow.self)?.review
    }

    /// In the order they were first written.
    static func reviews(callID: UUID, on sql: any SyncSQL) throws -> [Review] {
        try sql.rows("""
            SELECT \(unsafeRaw: reviewColumns) FROM reviews WHERE call_id = \(bind: callID) ORDER BY submitted_at, application_id, reviewer_id
            """).map { try $0.decode(model: ReviewRow.self, keyDecodingStrategy: .useDefaultKeys).review }
    }

    /// Writes the review, keeping when it was first submitted if it replaces one.
    static func upsert(_ review: Review, scores: [String: Int], callID: UUID, now: Date, on sql: any SyncSQL) throws {
        let scores = try JSONText.encode(scores)
        let comment = review.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let updated = try sql.rows("""
            UPDATE reviews SET call_id = \(bind: callID), scores = \(bind: scores), comment = \(bind: comment),
                   recommendation = \(bind: review.recommendation.rawValue), updated_at = \(bind: now)
            WHERE application_id = \(bind: review.applicationID) AND reviewer_id = \(bind: review.reviewerID) RETURNING id
            """)
        guard updated.isEmpty else { return }
        try sql.run("""
            INSERT INTO reviews (id, call_id, application_id, reviewer_id, scores, comment, recommendation, submitted_at, updated_at)
            VALUES (\(bind: UUID()), \(bind: callID), \(bind: review.applicationID), \(bind: review.reviewerID), \(bind: scores),
                    \(bind: comment), \(bind: review.recommendation.rawValue), \(bind: now), \(bind: now))
            """)
    }

    static func deleteReview(applicationID: UUID, reviewerID: UUID, on sql: any SyncSQL) throws {
        try sql.run("DELETE FROM reviews WHERE application_id = \(bind: applicationID) AND reviewer_id = \(bind: reviewerID)")
    }

    private struct PairRow: Decodable {
        let application_id: UUID
        let reviewer_id: UUID
        var pair: ReviewAssignment.Pair { ReviewAssignment.Pair(applicationID: application_id, reviewerID: reviewer_id) }
    }
}
