import CohortCore
import Foundation

/// What the review form holds, as typed.
struct ReviewFormValues: Sendable {
    var scores: [String: Int] = [:]
    var comment = ""
    var recommendation = ""

    init() {}

    init(_ review: Review) {
        scores = review.scores
        comment = review.comment
        recommendation = review.recommendation.rawValue
    }

    init(form: [String: String]) {
        for (name, value) in form where name.hasPrefix("s_") {
            if let score = Int(value.trimmingCharacters(in: .whitespaces)) { scores[String(name.dropFirst(2))] = score }
        }
        comment = String((form["comment"] ?? "").prefix(5000))
        recommendation = form["recommendation"] ?? ""
    }
}
