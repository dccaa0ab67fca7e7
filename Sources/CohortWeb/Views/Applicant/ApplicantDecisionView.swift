import CohortCore
import Foundation

/// The decision after selection, as the applicant reads it, with the answer buttons while an offer is open.
struct ApplicantDecisionView: Sendable {
    let heading: String
    let text: String
    let action: String?
    let csrf: String
    let confirmLabel: String
    let declineLabel: String
}
