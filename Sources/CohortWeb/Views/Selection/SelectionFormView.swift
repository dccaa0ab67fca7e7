import CohortCore
import CohortStore
import Foundation
import Vapor

/// The selection form page: settings, quota rows, the attributes and values quotas can use, and the saved runs.
struct SelectionFormView: Sendable {
    struct Attribute: Sendable {
        let name: String
        let values: String
    }

    struct RunRow: Sendable {
        let name: String
        let href: String
        let created: String
        let outcome: String
        let id: String
    }

    let form: FormView
    let pool: Int
    let scored: Int
    let attributes: [Attribute]
    let runs: [RunRow]
    let compareAction: String
}
