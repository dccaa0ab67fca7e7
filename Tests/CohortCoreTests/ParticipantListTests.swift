import CohortCore
import Foundation
import Testing

@Suite struct ParticipantListTests {
    static func record(_ name: String, country: String = "MY", role: CountryRole? = .destination, attended: Int, of held: Int,
                       organisation: String = "An NGO") -> ParticipantRecord {
        let sessions = (0..<held).map { index in
            AgendaSession(id: UUID(), moduleID: UUID(), start: Date(timeIntervalSince1970: Double(index) * 7200),
                          end: Date(timeIntervalSince1970: Double(index) * 7200 + 3600), title: .init(english: "S\(index)"), kind: .plenary)
        }
        return ParticipantRecord(personID: UUID(), name: name, email: "\(name.lowercased())@example.org", country: Country(code: country),
                                 countryRole: role, sector: "ngo", organisation: organisation,
                                 attendance: AttendanceSummary(sessions: sessions, attended: Set(sessions.prefix(attended).map(\.id))),
                                 certificates: 0)
    }

    @Test func filtersCombineAndTheAttendanceBandSplitsAtEightyPercent() {
        let records = [Self.record("Ana", attended: 8, of: 10), Self.record("Bo", country: "NP", role: .origin, attended: 7, of: 10),
                       Self.record("Cy", country: "XK", role: nil, attended: 0, of: 0)]
        #expect(records.filter(ParticipantFilter(attendance: .met).matches).map(\.name) == ["Ana"])
        #expect(records.filter(ParticipantFilter(attendance: .below).matches).map(\.name) == ["Bo", "Cy"])
        #expect(records.filter(ParticipantFilter(role: .other).matches).map(\.name) == ["Cy"], "a country the program does not list is other")
        #expect(records.filter(ParticipantFilter(search: "NGO", country: "NP").matches).map(\.name) == ["Bo"])
        #expect(records[2].attendancePercent == nil)
    }

    @Test func queriesAreReadDefensively() {
        let query = ["q": "  Ana  ", "country": "zz", "role": "capital", "attendance": "1e300", "sector": String(repeating: "x", count: 90)]
        let filter = ParticipantFilter(query: { query[$0] })
        #expect(filter.search == "Ana" && filter.country == nil && filter.role == nil && filter.attendance == nil)
        #expect(filter.sector?.count == 40)
        #expect(ParticipantFilter(query: { $0 == "q" ? "a\u{0}b" : nil }).search == nil)
    }

    @Test func sortingIsStableAndPagesNeverOverlap() {
        let records = (0..<7).map { Self.record("Same", attended: $0 % 2, of: 2) }
        let request = ListRequest<ParticipantSort>(sort: "attendance", direction: "desc", page: "1", default: .name, pageSize: 3)
        let pages = (1...3).map { page in
            ParticipantList.page(records, filter: ParticipantFilter(),
                                 request: ListRequest(sort: "attendance", direction: "desc", page: "\(page)", default: .name, pageSize: 3)).items
        }
        #expect(Set(pages.flatMap { $0 }.map(\.personID)).count == 7)
        #expect(ParticipantList.page(records, filter: ParticipantFilter(), request: request).items.allSatisfy { $0.attendancePercent == 50 })
    }

    @Test func theCSVNamesPeopleOnlyWhenAskedAndDefusesFormulas() {
        let records = [Self.record("Ana", attended: 1, of: 2, organisation: "=cmd|' /C calc'!A0")]
        let plain = ParticipantList.csv(records, withNames: false, sectorName: { $0 })
        #expect(!plain.contains("Ana") && !plain.contains("@example.org"))
        #expect(plain.contains("\"'=cmd|' /C calc'!A0\""))
        #expect(plain.contains("\"1\",\"2\",\"50\",\"1.0\",\"0\""))
        #expect(ParticipantList.csv(records, withNames: true, sectorName: { $0 }).contains("\"Ana\",\"ana@example.org\""))
    }
}
