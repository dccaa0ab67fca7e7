import CohortCore

struct OrganisationListView: Sendable {
    struct Row: Sendable {
        let name: String
        let href: String
        let country: String
        let kind: String
        let isSample: Bool
    }

    let list: ListView
    let rows: [Row]
    let newHref: String
}
