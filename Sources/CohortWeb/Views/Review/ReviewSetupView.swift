import CohortCore
import Foundation

struct ReviewSetupView: Sendable {
    struct Reviewer: Sendable {
        let name: String
        let organisation: String
        let assigned: Int
        let reviewed: Int
    }

    struct Score: Sendable {
        let reference: String
        let name: String
        let href: String
        let reviews: Int
        let average: String
        let calibrated: String
        let spread: String
        let flag: String
    }

    struct Assignment: Sendable {
        struct Assigned: Sendable {
            let name: String
            let reviewerID: String
            let isReviewed: Bool
        }

        struct Choice: Sendable {
            let value: String
            let label: String
        }

        let reference: String
        let name: String
        let href: String
        let applicationID: String
        let reviewers: [Assigned]
        let choices: [Choice]
    }

    let form: FormView
    let reviewers: [Reviewer]
    let hasReviewers: Bool
    let canAssign: Bool
    let autoAssignAction: String
    let csrf: String
    let membersHref: String
    let scores: [Score]
    let agreement: String
    let method: String
    let assignments: [Assignment]
    let assignAction: String
    let removeAction: String
}
