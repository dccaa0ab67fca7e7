import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct StaffApplicationsTests {
    static func callID(_ app: Application, slug: String) async throws -> UUID {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: slug))
        return try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first?.id)
    }

    @Test(arguments: TestDatabaseKind.all)
    func onlyTheProgramsStaffSeeItsApplications(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let call2006 = try await Self.callID(app, slug: "mwp-2006").uuidString.lowercased()
            let call2017 = try await Self.callID(app, slug: "mwp-2017-18").uuidString.lowercased()
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get("/staff/programs/mwp-2017-18/calls").status == .ok)
            #expect(try await manager.get("/staff/calls/\(call2017)/applications").status == .ok)
            #expect(try await manager.get("/staff/calls/\(call2006)/applications").status == .notFound)
            #expect(try await manager.get("/staff/calls/\(call2006)/applications.csv").status == .notFound)
            #expect(try await manager.get("/staff/programs/mwp-2006/calls").status == .notFound)
            let anonymous = try await Browser(app).get("/staff/calls/\(call2006)/applications")
            #expect(anonymous.status == .seeOther)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await admin.get("/staff/calls/\(call2006)/applications").status == .ok)
            // The calls page counts submitted applications and drafts per call.
            let calls = try await admin.get("/staff/programs/mwp-2006/calls").body.string
            #expect(calls.contains("<td>32</td><td>0</td>"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func filtersSearchAndCounts(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let call = try await Self.callID(app, slug: "mwp-2006").uuidString.lowercased()
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let all = try await admin.get("/staff/calls/\(call)/applications").body.string
            #expect(all.contains("32 applications"))
            #expect(all.contains("Malaysia (6)"))
            let malaysians = try await admin.get("/staff/calls/\(call)/applications?nationality=MY").body.string
            #expect(malaysians.contains("6 applications match"))
            let search = try await admin.get("/staff/calls/\(call)/applications?q=aminah").body.string
            #expect(search.contains("1 application match"))
            #expect(search.contains("Aminah Binti Yusof"))
            let byReference = try await admin.get("/staff/calls/\(call)/applications?q=mwp2006-0032").body.string
            #expect(byReference.contains("1 application match"))
            let detailHref = try #require(search.range(of: #"/staff/calls/[0-9a-f-]{36}/applications/[0-9a-f-]{36}"#, options: .regularExpression))
            let detail = try await admin.get(String(search[detailHref]))
            #expect(detail.status == .ok)
            #expect(detail.body.string.contains("Commissioner's adviser") || detail.body.string.contains("Commissioner&#39;s adviser"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func keysetPagesCoverEveryApplicationOnce(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let call = try await Self.callID(app, slug: "mwp-2006")
            let store = ApplicationListStore(db: app.persistence)
            for sort in ApplicationSort.allCases {
                var seen: [UUID] = []
                var cursor: ListCursor?
                repeat {
                    let page = try await store.page(callID: call, filter: ApplicationFilter(), sort: sort, after: cursor, limit: 7)
                    seen += page.items.map(\.id)
                    cursor = page.next
                } while cursor != nil
                #expect(seen.count == 32, "\(sort)")
                #expect(Set(seen).count == 32, "\(sort)")
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func exportsLeaveIdentitiesOutUnlessAskedAndAreRecorded(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let callID = try await Self.callID(app, slug: DemoCatalog.openCallSlug)
            let call = callID.uuidString.lowercased()
            // An applicant whose name a spreadsheet would run as a formula.
            let applicant = Browser(app)
            let path = try await ApplicantFlowTests.startAndOpen(applicant, callID: callID, email: "formula@example.org")
            _ = try await applicant.post(path + "/sections/1", ["full_name": "=HYPERLINK(\"http://x\")", "nationality": "MY"])

            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let plain = try await manager.get("/staff/calls/\(call)/applications.csv")
            #expect(plain.status == .ok)
            #expect(plain.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(!plain.body.string.contains("formula@example.org"))
            #expect(!plain.body.string.contains("HYPERLINK"))
            #expect(plain.body.string.hasPrefix("\"reference\",\"status\""))
            let full = try await manager.get("/staff/calls/\(call)/applications.csv?identities=yes").body.string
            #expect(full.contains("formula@example.org"))
            #expect(full.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
            let exports = try await ApplicationListStore(db: app.persistence).exports(callID: callID)
            #expect(exports.map(\.withIdentities) == [true, false])
            #expect(exports.allSatisfy { $0.rows == 1 })
        }
    }
}
