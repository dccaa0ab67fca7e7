import CohortCore
import Foundation

struct ReviewQueueView: Sendable {
    struct Row: Sendable {
        let label: String
        let href: String
        let state: String
    }

    let title: String
    let rows: [Row]
    let left: Int
    let nextHref: String?
}
