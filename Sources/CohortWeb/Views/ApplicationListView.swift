import CohortCore

/// The staff list of a call's applications.
struct ApplicationListView: Sendable {
    struct Row: Sendable {
        let href: String
        let checkboxName: String
        let reference: String
        let name: String
        let status: String
        let country: String
        let sector: String
        let eligible: String
        let isIneligible: Bool
        let submitted: String
    }

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Filter: Sendable {
        let name: String
        let label: String
        let choices: [Choice]

        /// A select of the values found, each with its count, sorted by what is shown, after "Any".
        static func facet(_ name: String, _ label: String, counts: [String: Int], selected: String?,
                          display: (String) -> String) -> Filter {
            let choices = counts.sorted { display($0.key) < display($1.key) }.map { value, count in
                Choice(value: value, label: "\(display(value)) (\(count))", selected: value == selected)
            }
            return Filter(name: name, label: label, choices: [Choice(value: "", label: "Any", selected: selected == nil)] + choices)
        }
    }

    let callTitle: String
    let programTitle: String
    let countText: String
    let filters: [Filter]
    let search: String
    let from: String
    let to: String
    let sorts: [Choice]
    let rows: [Row]
    let isEmpty: Bool
    let nextHref: String?
    let firstHref: String?
    let exportHref: String
    let exportWithIdentitiesHref: String
    let action: String
    let publicHref: String
    let statusForm: StatusFormView?
    /// The call's settings and form, for those who may change them.
    let settingsHref: String?
    let formHref: String?
    /// The call's review set-up and scores, and its selection, for its managers.
    let reviewHref: String?
    let selectionHref: String?
}

struct ApplicationDetailView: Sendable {
    struct Item: Sendable {
        let label: String
        let answer: String
        var fileHref: String? = nil
    }

    struct Group: Sendable {
        let title: String
        let items: [Item]
    }

    let heading: String
    let facts: [Item]
    let reasons: [String]
    /// "Marked eligible by Aisha Rahman on 2017-08-20: …"
    let override: String?
    let groups: [Group]
    let eligibilityForm: FormView?
    let statusForm: StatusFormView?
    let backHref: String
}

/// Moving one or many applications to another status; the post asks for confirmation first.
struct StatusFormView: Sendable {
    let action: String
    let csrf: String
    /// One application's detail page selects it with a hidden field; the list uses checkboxes.
    let selectName: String?
    let back: String
    let choices: [ApplicationListView.Choice]
}

struct CallListView: Sendable {
    struct Row: Sendable {
        let title: String
        let status: String
        let period: String
        let submitted: Int
        let drafts: Int
        let publicHref: String
        let applicationsHref: String
        let settingsHref: String?
        let formHref: String?
    }

    let programTitle: String
    let tabs: [Tab]
    let rows: [Row]
    let isEmpty: Bool
    let newHref: String?
}
