import CohortCore
import Foundation

struct ReviewView: Sendable {
    struct Item: Sendable {
        let label: String
        let answer: String
        let fileHref: String?
        let problem: String?
        let changeHref: String?
    }

    struct Group: Sendable {
        let title: String
        let items: [Item]
    }

    let t: [String: String]
    let callTitle: String
    let groups: [Group]
    let problems: [FormView.ErrorLink]
    let hasProblems: Bool
    let notice: String?
    let submitAction: String?
    let csrf: String
}
