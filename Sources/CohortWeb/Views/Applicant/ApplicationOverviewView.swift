import CohortCore
import Foundation

struct ApplicationOverviewView: Sendable {
    struct SectionItem: Sendable {
        let title: String
        let href: String?
        let state: String
        let stateClass: String
    }

    let t: [String: String]
    let callTitle: String
    let progress: String
    let sections: [SectionItem]
    let reviewHref: String?
    let notice: String?
    let submittedText: String?
    var withdraw: DangerAction?
    let readHref: String?
    var decision: ApplicantDecisionView?
}
