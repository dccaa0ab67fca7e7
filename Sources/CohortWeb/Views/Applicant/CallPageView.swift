import CohortCore
import Foundation

struct CallPageView: Sendable {
    let t: [String: String]
    let title: String
    let paragraphs: [String]
    let deadline: String
    /// For the script that adds the deadline in the reader's own zone.
    let deadlineISO: String
    let callZone: String
    let localTimeScript: String
    let isOpen: Bool
    let notice: String?
    let languages: String
    let eligibility: [String]
    let privacy: [String]
    let contact: String
    let startForm: FormView?
    let isSample: Bool
}
