import CohortCore

/// A page that is one form: new and edit pages.
struct StaffFormView: Sendable {
    let heading: String
    let intro: String?
    let form: FormView
    /// A destructive action under the form, behind a `<details>` confirmation.
    let danger: DangerAction?
    /// Shown once after an account is created or a password reset.
    let oneTimePassword: String?
    let tabs: [Tab]

    init(heading: String, intro: String? = nil, form: FormView, danger: DangerAction? = nil, oneTimePassword: String? = nil,
         tabs: [Tab] = []) {
        self.heading = heading
        self.intro = intro
        self.form = form
        self.danger = danger
        self.oneTimePassword = oneTimePassword
        self.tabs = tabs
    }
}

/// A destructive POST that asks first: the button sits inside a closed `<details>` block
/// that states the consequence. Never a GET.
struct DangerAction: Sendable {
    let label: String
    let consequence: String
    let action: String
    let csrf: String
}

struct StaffHomeView: Sendable {
    struct ProgramItem: Sendable {
        let title: String
        let href: String
        let period: String
        let status: String
        let roles: String
    }

    let name: String
    let programs: [ProgramItem]
    let isAdmin: Bool
    let hasPrograms: Bool
    /// The person reviews for at least one program.
    let isReviewer: Bool
}

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

/// The sections of a program in the staff area, as links.
struct Tab: Sendable {
    let label: String
    let href: String
    let isCurrent: Bool

    static func program(slug: String, current: String, isAdmin: Bool) -> [Tab] {
        var tabs = [("Details", SiteURL.staffProgram(slug: slug).path),
                    ("Partners", SiteURL.programPartners(slug: slug).path),
                    ("Modules", SiteURL.programModules(slug: slug).path),
                    ("Countries", SiteURL.programCountries(slug: slug).path),
                    ("Calls", SiteURL.programCalls(slug: slug).path)]
        if isAdmin { tabs.append(("People and roles", SiteURL.programMembers(slug: slug).path)) }
        return tabs.map { Tab(label: $0.0, href: $0.1, isCurrent: $0.0 == current) }
    }
}

/// A list of a program's parts (partners, modules, countries, roles) with a form to add one.
struct PartsView: Sendable {
    struct Row: Sendable {
        let cells: [String]
        let editHref: String?
        let remove: DangerAction?
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

/// A hidden field a small form carries (a confirmation page, a move button).
struct HiddenField: Sendable {
    let name: String
    let value: String
}
