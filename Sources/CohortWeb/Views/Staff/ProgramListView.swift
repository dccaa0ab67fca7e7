import CohortCore

struct ProgramListView: Sendable {
    struct Row: Sendable {
        let title: String
        let href: String
        let period: String
        let status: String
        let isSample: Bool
    }

    let list: ListView
    let rows: [Row]
    let newHref: String?
}
