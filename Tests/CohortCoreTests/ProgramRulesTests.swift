import Foundation
import Testing
@testable import CohortCore

@Suite struct ProgramRulesTests {
    static func program(_ title: String, _ start: String, _ end: String) -> Program {
        Program(id: UUID(), slug: title.lowercased(), title: title, theme: "t", hostCountry: Country(code: "MY")!,
                startDate: CalendarDate(iso: start)!, endDate: CalendarDate(iso: end)!, summary: "s", description: "",
                status: .completed, leadOrganisationID: nil)
    }

    @Test func ordersCurrentAndUpcomingFirstThenPastMostRecentFirst() {
        let today = CalendarDate(iso: "2026-11-29")!
        let programs = [
            Self.program("Past2006", "2006-04-07", "2006-04-11"),
            Self.program("Upcoming", "2027-03-01", "2027-03-05"),
            Self.program("Past2017", "2017-08-14", "2018-09-14"),
            Self.program("Current", "2026-11-01", "2026-12-15"),
            Self.program("Soon", "2026-12-01", "2026-12-05"),
        ]
        #expect(Program.publicOrder(programs, today: today).map(\.title) == ["Current", "Soon", "Upcoming", "Past2017", "Past2006"])
    }

    @Test(arguments: [("2026-11-28", ProgramTiming.upcoming), ("2026-11-29", .current), ("2026-11-30", .past)])
    func timingIsRelativeToToday(day: String, expected: ProgramTiming) {
        let program = Self.program("P", "2026-11-29", "2026-11-29")
        #expect(program.timing(today: CalendarDate(iso: day)!) == expected)
    }

    @Test func groupsCountriesByRoleWithOverriddenNames() {
        let id = UUID()
        let countries = [
            ProgramCountry(programID: id, country: Country(code: "NP")!, role: .origin),
            ProgramCountry(programID: id, country: Country(code: "MY")!, role: .destination),
            ProgramCountry(programID: id, country: Country(code: "MM")!, role: .origin, displayName: "Burma"),
        ]
        let groups = ProgramCountry.grouped(countries)
        #expect(groups.map(\.role) == [.destination, .origin])
        #expect(groups[1].countries.map(\.name) == ["Burma", "Nepal"])
    }

    @Test func listRequestsReadQueryValuesSafely() {
        let request = ListRequest<ProgramSortKey>(sort: "bogus", direction: "desc", page: "-4", default: .title)
        #expect(request.sort == .title)
        #expect(request.descending)
        #expect(request.page == 1)
        #expect(ListRequest<ProgramSortKey>(sort: "start", direction: nil, page: "3", default: .title, pageSize: 10).offset == 20)
        #expect(request.pageCount(total: 0) == 1)
        #expect(request.pageCount(total: 26) == 2)
    }

    enum ProgramSortKey: String, CaseIterable, Sendable { case title, start }
}

@Suite struct DemoCatalogTests {
    @Test func the2006ProgramMatchesTheSeed() {
        let program = DemoCatalog.program2006
        #expect(program.title == "2006 Migrant Workers Program")
        #expect(program.start == "2006-04-07" && program.end == "2006-04-11")
        #expect(program.modules.count == 1)
        #expect(program.modules[0].city == "Petaling Jaya" && program.modules[0].country == "MY")
        #expect(!program.modules[0].isIllustrative)
        let seedCountries: Set = ["BD", "MM", "KH", "HK", "ID", "MY", "MN", "NP", "PH", "SG", "KR", "LK", "TH"]
        #expect(Set(program.countries.map(\.code)) == seedCountries)
        #expect(program.countries.first { $0.code == "MM" }?.displayName == "Burma")
    }

    @Test func the2006ParticipantsHaveTheMixTheSeedDescribes() {
        let people = DemoCatalog.program2006.participants
        #expect(people.count == 32)
        #expect(Set(people.map(\.country)) == Set(DemoCatalog.program2006.countries.map(\.code)))
        let sectors = Set(people.map(\.sector))
        #expect(sectors.isSuperset(of: [.government, .tradeUnion, .ngo, .nhri, .academic, .internationalOrganisation]))
        #expect(people.contains { $0.position.localizedCaseInsensitiveContains("former ambassador") })
        #expect(people.contains { $0.position.localizedCaseInsensitiveContains("domestic worker") })
    }

    @Test func the2017ProgramHasTheSeedsPartnersAndCountries() {
        let program = DemoCatalog.program2017
        #expect(program.title == "2017/18 Migrant Workers Program (Modules 1-5) – Malaysia")
        #expect(program.leadKey == "dtp")
        let names = Dictionary(uniqueKeysWithValues: DemoCatalog.organisations.map { ($0.key, $0.name) })
        #expect(Set(program.partners.filter { $0.role == .partner }.compactMap { names[$0.organisationKey] }) ==
                ["Migrant Forum in Asia", "Bar Council Malaysia", "North South Initiative", "Migration Working Group"])
        #expect(program.partners.contains { $0.description.contains("Migrants, Refugees and Immigration Affairs Committee") })
        #expect(program.countries.filter { $0.role == .destination }.map(\.code) == ["MY"])
        #expect(Set(program.countries.filter { $0.role == .origin }.map(\.code)) == ["NP", "BD", "PH", "ID", "KH"])
        #expect(program.modules.map(\.number) == [1, 2, 3, 4, 5])
        #expect(program.modules.allSatisfy { $0.isIllustrative })
        for module in program.modules {
            #expect(module.start >= program.start && module.end <= program.end)
        }
    }

    @Test func demoPasswordsMeetThePolicy() {
        for account in DemoCatalog.accounts {
            #expect(PasswordPolicy.problems(account.password).isEmpty)
        }
    }
}
