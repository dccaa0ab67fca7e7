import CohortCore
import Foundation

struct DecisionsView: Sendable {
    struct Row: Sendable {
        let reference: String
        let href: String
        let outcome: String
        let response: String
        let replacement: String?
        /// The waitlisted applicant the freed place can be offered to.
        let offerReference: String?
    }

    let rows: [Row]
    let offerAction: String
    let csrf: String
    let confirmed: Int
    let pending: Int
    let selectionHref: String
}
