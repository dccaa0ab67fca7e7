import CohortCore
import CohortStore
import Foundation
import Vapor

/// A run's result page and the comparison of two runs.
struct SelectionRunView: Sendable {
    struct Person: Sendable {
        let reference: String
        let href: String?
        let score: String
        let reason: String
    }

    struct Share: Sendable {
        let value: String
        let selected: Int
        let pool: Int
        let share: String
    }

    struct Composition: Sendable {
        let attribute: String
        let shares: [Share]
    }

    let name: String
    let isOptimal: Bool
    let total: String
    let size: Int
    let quotas: [String]
    let conflict: [String]
    /// Said under a conflict made of rules (not when there are simply too few reviewed applications).
    let conflictAdvice: String?
    let selected: [Person]
    let leftOut: [Person]
    let replacements: [Person]
    let composition: [Composition]
    let instanceHref: String
    let againHref: String
    /// Sending this run's decisions, while none were sent for the call.
    var decisions: DecisionForm?
    /// Where the call's decisions are, once sent.
    var decisionsHref: String?
}
