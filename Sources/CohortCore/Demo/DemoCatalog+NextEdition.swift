import Foundation

/// An illustrative next edition of the Migrant Workers Program, so that a newcomer can try
/// applying straight away: its call is open around the day the demo is loaded, and its
/// modules and dates follow from that day. Nothing about it comes from the seed; every page
/// shows it as sample data.
extension DemoCatalog {
    public static let nextEditionSlug = "mwp-next"

    /// The program that holds the demo's open call.
    public static let openCallSlug = nextEditionSlug

    /// Module 1 begins on the first Monday at least 16 weeks after `now`, after the call
    /// (open for 60 days) and the selection; the other four follow every 13 weeks.
    public static func nextEdition(now: Date) -> ProgramEntry {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kuala_Lumpur")!
        let earliest = calendar.startOfDay(for: now.addingTimeInterval(16 * 7 * 86_400))
        let weekday = calendar.component(.weekday, from: earliest)
        let firstMonday = calendar.date(byAdding: .day, value: (9 - weekday) % 7, to: earliest)!
        func day(_ offset: Int, from start: Date) -> String {
            CalendarDate(calendar.date(byAdding: .day, value: offset, to: start)!.addingTimeInterval(12 * 3600)).iso
        }
        let titles = ["International standards and the Migrant Workers Convention", "ILO standards, fair recruitment and domestic work",
                      "Documentation, evidence and advocacy skills", "Working across countries of origin and destination",
                      "Shared advocacy strategies"]
        let modules = titles.enumerated().map { index, title in
            let start = calendar.date(byAdding: .day, value: 91 * index, to: firstMonday)!
            return ModuleEntry(number: index + 1, title: title, start: day(0, from: start), end: day(3, from: start),
                               city: index == 2 ? "George Town" : "Kuala Lumpur", country: "MY", isIllustrative: true)
        }
        return ProgramEntry(
            slug: nextEditionSlug,
            title: "Migrant Workers Program – Malaysia, next edition (illustrative)",
            theme: "Civil society advocacy for the rights of migrant workers in Malaysia",
            hostCountry: "MY",
            start: modules[0].start,
            end: modules[4].end,
            summary: "An illustrative next edition of the 2017/18 program, with its call for applications open now. Sample data.",
            description: """
            This program is not in the seed: it shows how a next edition of the Migrant Workers Program would run in Cohort, with a call for applications that is open now, so that applying can be tried.

            Like the 2017/18 program, it would bring Malaysian advocates together with advocates from countries of origin to build knowledge, skills and networks, and to develop shared advocacy strategies. The agenda of Module 1 is in preparation.
            """,
            status: .open,
            leadKey: "dtp",
            partners: program2017.partners,
            modules: modules,
            countries: program2017.countries,
            participants: []
        )
    }

    /// Module 1's agenda as the facilitators are drafting it: a few sessions saved, nothing
    /// published yet.
    public static let draftSessionsNext: [SessionEntry] = workshopDay(0, [
        ("Opening: who is in the room, and what we came for", .plenary, ["lead17"], []),
        ("The Migrant Workers Convention and its Committee", .plenary, [], ["ICRMW", "CMW"]),
    ])

    public static let speakersNext: [SpeakerEntry] = [
        .init(key: "lead17", name: "Nadia Rahim", country: "MY", role: .facilitator, organisation: "Program team",
              bio: "Human-rights trainer; led the 2017/18 program's five modules."),
    ]
}
