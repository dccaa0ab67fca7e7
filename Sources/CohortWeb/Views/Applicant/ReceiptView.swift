import CohortCore
import Foundation

struct ReceiptView: Sendable {
    let t: [String: String]
    let reference: String
    let next: String
    let readHref: String
}
