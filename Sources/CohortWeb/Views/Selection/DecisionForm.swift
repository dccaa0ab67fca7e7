import CohortCore
import CohortStore
import Foundation
import Vapor

struct DecisionForm: Sendable {
    let action: String
    let csrf: String
    let respondBy: String
    let timeZone: String
}
