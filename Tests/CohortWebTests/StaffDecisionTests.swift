import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct StaffDecisionTests {
    static func closedCall(_ app: Application) async throws -> (callID: UUID, ids: [UUID]) {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
        let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first)
        let page = try await ApplicationListStore(db: app.persistence).page(callID: call.id, filter: ApplicationFilter(), sort: .reference, after: nil, limit: 5)
        return (call.id, page.items.map(\.id))
    }

    @Test(arguments: TestDatabaseKind.all)
    func aBulkStatusChangeAsksFirstThenChanges(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, ids) = try await Self.closedCall(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let list = try await admin.get("/staff/calls/\(callID.uuidString.lowercased())/applications?sort=reference").body.string
            #expect(list.contains("name=\"select__\(ids[0].uuidString.lowercased())\""))
            var form = ["status": "shortlisted", "back": "/staff/calls/\(callID.uuidString.lowercased())/applications?sort=reference"]
            for id in ids.prefix(3) { form["select__\(id.uuidString.lowercased())"] = "on" }
            let confirm = try await admin.post("/staff/calls/\(callID.uuidString.lowercased())/applications/status", form)
            #expect(confirm.status == .ok)
            #expect(confirm.body.string.contains("3 applications will move to “Shortlisted”"))
            // Nothing has changed yet.
            #expect(try await ApplicationStore(db: app.persistence).find(ids[0])?.status == .submitted)
            form["confirm"] = "yes"
            let done = try await admin.post("/staff/calls/\(callID.uuidString.lowercased())/applications/status", form)
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/staff/calls/\(callID.uuidString.lowercased())/applications?sort=reference")
            for id in ids.prefix(3) { #expect(try await ApplicationStore(db: app.persistence).find(id)?.status == .shortlisted) }
            #expect(try await ApplicationStore(db: app.persistence).find(ids[3])?.status == .submitted)
            let filtered = try await admin.get("/staff/calls/\(callID.uuidString.lowercased())/applications?status=shortlisted").body.string
            #expect(filtered.contains("3 applications match"))

            let nothing = try await admin.post("/staff/calls/\(callID.uuidString.lowercased())/applications/status", ["status": "shortlisted"])
            #expect(nothing.status == .unprocessableEntity)
            let withoutCSRF = try await admin.post("/staff/calls/\(callID.uuidString.lowercased())/applications/status",
                                                   ["status": "declined", "confirm": "yes", "select__\(ids[4].uuidString.lowercased())": "on"], csrf: false)
            #expect(withoutCSRF.status == .forbidden)
            #expect(try await ApplicationStore(db: app.persistence).find(ids[4])?.status == .submitted)
            // The 2006 program has no manager but the admin; the demo manager manages 2017/18 only.
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let foreign = try await manager.post("/staff/calls/\(callID.uuidString.lowercased())/applications/status",
                                                 ["status": "declined", "confirm": "yes", "select__\(ids[4].uuidString.lowercased())": "on"])
            #expect(foreign.status == .notFound)
            #expect(try await ApplicationStore(db: app.persistence).find(ids[4])?.status == .submitted)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func anEligibilityOverrideNeedsANoteAndIsShownWithItsAuthor(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (callID, ids) = try await Self.closedCall(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let path = "/staff/calls/\(callID.uuidString.lowercased())/applications/\(ids[0].uuidString.lowercased())"
            let missing = try await admin.post(path + "/eligibility", ["decision": "ineligible", "note": "  "])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Say why, so the decision can be understood later."))
            #expect(try await ApplicationListStore(db: app.persistence).total(callID: callID, filter: ApplicationFilter(eligible: false)) == 0)

            let saved = try await admin.post(path + "/eligibility", ["decision": "ineligible", "note": "Applied twice under two emails."])
            #expect(saved.status == .seeOther)
            let detail = try await admin.get(path).body.string
            #expect(detail.contains("Marked not eligible by"))
            #expect(detail.contains("Applied twice under two emails."))
            #expect(try await ApplicationListStore(db: app.persistence).total(callID: callID, filter: ApplicationFilter(eligible: false)) == 1)
            #expect(try await admin.post(path + "/eligibility", ["decision": "rules", "note": ""]).status == .seeOther)
            #expect(try await ApplicationListStore(db: app.persistence).total(callID: callID, filter: ApplicationFilter(eligible: false)) == 0)
            #expect(try await admin.post(path + "/eligibility", ["decision": "maybe"]).status == .unprocessableEntity)
        }
    }
}
