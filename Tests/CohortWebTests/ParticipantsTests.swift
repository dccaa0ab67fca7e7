import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ParticipantsTests {
    static let page = "/staff/programs/mwp-2017-18/participants"

    /// The 2017/18 cohort as its manager sees it: 18 Malaysians and 10 advocates from countries
    /// of origin, with their attendance over five modules, filtered and sorted by URL.
    @Test(arguments: TestDatabaseKind.all)
    func theManagerListsFiltersAndSortsTheParticipants(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let all = try await manager.get(Self.page)
            #expect(all.status == .ok)
            let html = all.body.string
            #expect(html.contains("28 participants"))
            #expect(html.contains("Sunita Rai") && html.contains("Returnee migrant workers&#39; network (sample)"))
            #expect(html.contains("Origin") && html.contains("Destination"))
            #expect(html.contains(" of ") && html.contains(" %)"), "attendance is shown as sessions of sessions held")

            let nepal = try await manager.get(Self.page + "?country=NP").body.string
            #expect(nepal.contains("2 participants match") && nepal.contains("Prakash Adhikari") && !nepal.contains("Nurul Izzah"))
            #expect(try await manager.get(Self.page + "?role=origin").body.string.contains("10 participants match"))
            #expect(try await manager.get(Self.page + "?role=destination&q=Kamarudin").body.string.contains("1 participant match"))
            let none = try await manager.get(Self.page + "?q=nobody-by-this-name").body.string
            #expect(none.contains("No participants match"))

            // Lowest attendance first: the participant who missed Module 3 leads.
            let byAttendance = try await manager.get(Self.page + "?sort=attendance&dir=asc").body.string
            let records = try await Self.records(app)
            let lowest = try #require(records.min { ($0.attendancePercent ?? 0, $0.name) < ($1.attendancePercent ?? 0, $1.name) })
            let first = try #require(byAttendance.range(of: "<tbody>").map { byAttendance[$0.upperBound...].drop { $0.isWhitespace } })
            #expect(first.hasPrefix("<tr><td>\(lowest.name)"), "sorted by attendance, \(lowest.name) comes first")
            #expect(lowest.certificates == 4)
            // Sort links keep the filters.
            #expect(nepal.contains("href=\"/staff/programs/mwp-2017-18/participants?country=NP&amp;sort=attendance"))
        }
    }

    /// Names and addresses leave only when asked for; every cell is safe in a spreadsheet; every
    /// export is recorded with who, which filter and how many rows.
    @Test(arguments: TestDatabaseKind.all)
    func theCSVLeavesNamesOutUnlessAskedAndIsRecorded(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2017-18"))
            // A participant whose organisation a spreadsheet would run as a formula.
            try await app.persistence.write { sql in
                try sql.run("UPDATE people SET organisation_name = '=HYPERLINK(\"http://x\")' WHERE email = 'nominee17-01@demo.cohort.example'")
            }
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let plain = try await manager.get(Self.page.replacingOccurrences(of: "participants", with: "participants.csv") + "?role=origin")
            #expect(plain.status == .ok)
            #expect(plain.headers.contentType?.subType == "csv")
            #expect(plain.headers.first(name: .cacheControl)?.contains("no-store") == true)
            let lines = plain.body.string.split(separator: "\r\n")
            #expect(lines.count == 11)
            #expect(lines.first?.hasPrefix("\"Country\",\"Role of the country\"") == true)
            #expect(!plain.body.string.contains("Sunita Rai") && !plain.body.string.contains("@demo.cohort.example"))
            #expect(plain.body.string.contains("\"'=HYPERLINK"))
            let named = try await manager.get("/staff/programs/mwp-2017-18/participants.csv?names=1").body.string
            #expect(named.hasPrefix("\"Name\",\"Email\""))
            #expect(named.contains("Sunita Rai") && named.contains("nominee17-01@demo.cohort.example"))
            let exports = try await ProgramParticipantsStore(db: app.persistence).exports(programID: program.id)
            #expect(exports.count == 2)
            #expect(exports.map(\.withIdentities).sorted { !$0 && $1 } == [false, true])
            #expect(exports.contains { $0.filter == "role=origin" && $0.rows == 10 && !$0.withIdentities })
            #expect(exports.allSatisfy { $0.list == "participants" })
        }
    }

    /// Hostile or stale queries get the list, never an error: unknown values are ignored.
    @Test(arguments: TestDatabaseKind.all)
    func strangeQueriesAreIgnoredNotFatal(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            // A NUL byte is refused for the whole request, as everywhere.
            #expect(try await manager.get(Self.page + "?role=%00").status == .badRequest)
            for query in ["page=1e300", "page=-4", "sort=evil&dir=sideways", "country=XX", "attendance=maybe",
                          "q=" + String(repeating: "a", count: 5000), "q=%E2%80%AE", "sector=" + String(repeating: "s", count: 500)] {
                let response = try await manager.get(Self.page + "?" + query)
                #expect(response.status == .ok, "\(query)")
            }
            #expect(try await manager.get(Self.page + "?page=99").body.string.contains("Nobody takes part yet") == false)
        }
    }

    static func records(_ app: Application) async throws -> [ParticipantRecord] {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2017-18"))
        return try await ProgramParticipantsStore(db: app.persistence).participants(programID: program.id, now: app.wallClock.now)
    }
}
