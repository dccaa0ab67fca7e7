import CohortCore

/// A list of a program's parts (partners, modules, countries, roles) with a form to add one.
struct PartsView: Sendable {
    struct Link: Sendable {
        let label: String
        let href: String
    }

    struct Row: Sendable {
        let cells: [String]
        let editHref: String?
        let remove: DangerAction?
        var links: [Link] = []
    }

    let heading: String
    let programTitle: String
    let publicHref: String
    let tabs: [Tab]
    let columns: [String]
    let rows: [Row]
    let emptyText: String
    let addHeading: String
    let addForm: FormView?
    let isEmpty: Bool

    init(heading: String, programTitle: String, publicHref: String, tabs: [Tab], columns: [String], rows: [Row],
         emptyText: String, addHeading: String, addForm: FormView?) {
        self.heading = heading
        self.programTitle = programTitle
        self.publicHref = publicHref
        self.tabs = tabs
        self.columns = columns
        self.rows = rows
        self.emptyText = emptyText
        self.addHeading = addHeading
        self.addForm = addForm
        self.isEmpty = rows.isEmpty
    }
}
