import CohortCore
import Foundation

/// A page that asks before a change that touches many records.
struct ConfirmView: Sendable {
    let heading: String
    let message: String
    let items: [String]
    let action: String
    let csrf: String
    let hidden: [HiddenField]
    let confirmLabel: String
    let cancelHref: String
}
