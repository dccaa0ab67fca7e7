import CohortCore

struct AccountListView: Sendable {
    struct Row: Sendable {
        let name: String
        let email: String
        let href: String
        let role: String
        let status: String
    }

    let list: ListView
    let rows: [Row]
    let newHref: String
}
