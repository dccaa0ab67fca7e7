import CohortCore

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
                    ("People", SiteURL.programPeople(slug: slug).path),
                    ("Participants", SiteURL.programParticipants(slug: slug).path),
                    ("Surveys", SiteURL.programSurveys(slug: slug).path),
                    ("Calls", SiteURL.programCalls(slug: slug).path)]
        if isAdmin { tabs.append(("Staff roles", SiteURL.programMembers(slug: slug).path)) }
        return tabs.map { Tab(label: $0.0, href: $0.1, isCurrent: $0.0 == current) }
    }
}
