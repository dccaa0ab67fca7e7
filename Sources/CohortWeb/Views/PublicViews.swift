import CohortCore

/// The home page: programs, current and upcoming first.
struct HomeView: Sendable {
    struct Card: Sendable {
        let title: String
        let href: String
        let period: String
        let summary: String
        let status: String
        let timing: String
        let hostCountry: String
        let isSample: Bool
    }

    let openCalls: [OpenCallItem]
    let current: [Card]
    let past: [Card]
    let isEmpty: Bool
    let hasSample: Bool

    init(programs: [Program], openCalls: [OpenCallItem], today: CalendarDate) {
        self.openCalls = openCalls
        let cards = Program.publicOrder(programs, today: today).map { program in
            let timing = program.timing(today: today)
            return (timing, Card(
                title: program.title, href: SiteURL.program(slug: program.slug).path, period: program.periodText,
                summary: program.summary, status: program.status.label,
                timing: timing == .upcoming ? "Upcoming" : (timing == .current ? "Happening now" : "Past"),
                hostCountry: program.hostCountry.englishName, isSample: program.isSample))
        }
        current = cards.filter { $0.0 != .past }.map(\.1)
        past = cards.filter { $0.0 == .past }.map(\.1)
        isEmpty = cards.isEmpty
        hasSample = cards.contains { $0.1.isSample }
    }
}

/// A program's public page.
struct ProgramView: Sendable {
    struct PartnerItem: Sendable {
        let name: String
        let role: String
        let description: String?
        let country: String?
    }

    struct ModuleItem: Sendable {
        let number: Int
        let title: String
        let period: String
        let venue: String
        let format: String
        let isIllustrative: Bool
    }

    struct CountryGroup: Sendable {
        let heading: String
        let names: [String]
        let count: Int
    }

    let title: String
    let theme: String
    let period: String
    let status: String
    let hostCountry: String
    let summary: String
    let paragraphs: [String]
    let partners: [PartnerItem]
    let modules: [ModuleItem]
    let countryGroups: [CountryGroup]
    let countryCount: Int
    let participantCount: Int
    let isSample: Bool
    let hasIllustrativeModules: Bool

    let openCalls: [OpenCallItem]
    /// The public agenda, once a module has published sessions anyone may see.
    let agendaHref: String?

    init(_ detail: ProgramDetail, openCalls: [OpenCallItem], hasPublicAgenda: Bool = false) {
        self.openCalls = openCalls
        agendaHref = hasPublicAgenda ? SiteURL.programAgenda(slug: detail.program.slug).path : nil
        let program = detail.program
        title = program.title
        theme = program.theme
        period = program.periodText
        status = program.status.label
        hostCountry = program.hostCountry.englishName
        summary = program.summary
        paragraphs = program.description.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        partners = detail.partnerships.map {
            PartnerItem(name: $0.organisation.displayName, role: $0.role.label,
                        description: $0.description.isEmpty ? nil : $0.description,
                        country: $0.organisation.country?.englishName)
        }
        modules = detail.modules.map {
            ModuleItem(number: $0.number, title: $0.title, period: $0.periodText, venue: $0.venueText,
                       format: $0.format.label, isIllustrative: $0.isIllustrative)
        }
        countryGroups = ProgramCountry.grouped(detail.countries).map {
            CountryGroup(heading: $0.role.groupHeading, names: $0.countries.map(\.name), count: $0.countries.count)
        }
        countryCount = detail.countries.count
        participantCount = detail.participantCount
        isSample = program.isSample
        hasIllustrativeModules = detail.hasIllustrativeModules
    }
}
