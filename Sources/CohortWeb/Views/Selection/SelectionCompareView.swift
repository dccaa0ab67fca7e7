import CohortCore
import CohortStore
import Foundation
import Vapor

struct SelectionCompareView: Sendable {
    struct Side: Sendable {
        let name: String
        let href: String
        let total: String
        let only: String
    }

    let first: Side
    let second: Side
    let inBoth: Int
    let composition: [SelectionRunView.Composition]
    let compositionSecond: [SelectionRunView.Composition]
}
