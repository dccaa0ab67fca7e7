import CohortCore
import Foundation

struct PreviewBar: Sendable {
    struct Link: Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    let text: String
    let languages: [Link]
    let sections: [Link]
    let backHref: String
}
