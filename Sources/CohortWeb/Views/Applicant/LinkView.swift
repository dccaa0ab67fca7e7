import CohortCore
import Foundation

/// "Check your email" after a start, or "this link no longer works".
struct LinkView: Sendable {
    let t: [String: String]
    let expired: Bool
    let newLinkHref: String?
}
