import CohortCore
import Foundation

struct ReviewHomeView: Sendable {
    struct Row: Sendable {
        let title: String
        let href: String
        let assigned: Int
        let left: Int
    }

    let rows: [Row]
}
