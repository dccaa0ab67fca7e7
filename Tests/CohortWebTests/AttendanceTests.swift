import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Attendance as the 2006 workshop's facilitators, participants and managers take and read it.
@Suite struct AttendanceTests {
    /// The 2006 workshop's module and its sessions that people attend, by start.
    static func sessions(_ app: Application) async throws -> (ProgramModule, [AgendaSession]) {
        let module = try #require(try await ProgramStore(db: app.persistence).detail(slug: "mwp-2006")?.modules.first)
        let sessions = try await AgendaStore(db: app.persistence).entries(moduleID: module.id).map(\.session)
            .filter { AttendanceSummary.counts($0) && $0.visibility != .staff }
        return (module, sessions)
    }

    /// The facilitator "lead"'s person id and the first session they speak in.
    static func leadSession(_ app: Application) async throws -> AgendaSession {
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
        let lead = try #require(try await ProgramPeopleStore(db: app.persistence).members(programID: program.id)
            .first { $0.email == PersonSignInTests.facilitator })
        return try #require(try await sessions(app).1.first { $0.speakers.contains(lead.personID) })
    }

    static func path(_ session: AgendaSession) -> String { "/sessions/\(session.id.uuidString.lowercased())/attendance" }

    @Test(arguments: TestDatabaseKind.all)
    func aFacilitatorTakesAttendanceOfTheirOwnSessionOnly(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let session = try await Self.leadSession(app)
            let facilitator = Browser(app)
            _ = try await PersonSignInTests.signIn(facilitator, PersonSignInTests.facilitator)
            let home = try await facilitator.get("/me").body.string
            #expect(home.contains(Self.path(session)))
            let list = try await facilitator.get(Self.path(session))
            #expect(list.status == .ok)
            let boxes = list.body.string.components(separatedBy: #"type="checkbox""#).count - 1
            #expect(boxes == 32)
            let sheet = try #require(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id))
            // As a browser sends the list: the boxes ticked, and how each was shown.
            var form = Dictionary(uniqueKeysWithValues: sheet.present.map { ("shown_\($0.uuidString.lowercased())", "present") })
            for person in sheet.expected.prefix(2) { form["present_\(person.personID.uuidString.lowercased())"] = "on" }
            form["action"] = "save"
            let saved = try await facilitator.post(Self.path(session), form)
            #expect(saved.status == .seeOther)
            let after = try #require(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id))
            #expect(after.present == Set(sheet.expected.prefix(2).map(\.personID)))
            #expect(try await facilitator.get(Self.path(session)).body.string.contains("2 of 32 present"))
            // Everyone present, in one request.
            #expect(try await facilitator.post(Self.path(session), ["action": "everyone"]).status == .seeOther)
            #expect(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id)?.present.count == 32)
            // Someone not on the list, or a box that names nobody: refused, nothing saved.
            for name in ["present_\(UUID().uuidString)", "present_not-an-id", "present_1e300", "shown_\(UUID().uuidString)"] {
                let refused = try await facilitator.post(Self.path(session), [name: "on", "action": "save"])
                #expect(refused.status == .unprocessableEntity, "\(name)")
            }
            #expect(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id)?.present.count == 32)
            // A session they do not speak in, a participant, the manager of another program: not found.
            let other = try #require(try await Self.sessions(app).1.first { !$0.speakers.contains(where: session.speakers.contains) })
            #expect(try await facilitator.get(Self.path(other)).status == .notFound)
            let participant = Browser(app)
            _ = try await PersonSignInTests.signIn(participant, PersonSignInTests.participant)
            #expect(try await participant.get(Self.path(session)).status == .notFound)
            #expect(try await participant.post(Self.path(session), ["action": "everyone"]).status == .notFound)
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get(Self.path(session)).status == .notFound)
            #expect(try await Browser(app).get(Self.path(session)).status == .seeOther)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            #expect(try await admin.get(Self.path(other)).status == .ok)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aSelfCheckInMadeWhileTheListIsOpenIsNotUndoneBySavingIt(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let session = try await Self.leadSession(app)
            let store = AttendanceStore(db: app.persistence)
            let sheet = try #require(try await store.sheet(sessionID: session.id))
            let absent = sheet.expected.first { !sheet.present.contains($0.personID) } ?? sheet.expected[0]
            try await store.save(sessionID: session.id, adding: [], removing: [absent.personID], by: .staff, now: Date())
            let facilitator = Browser(app)
            _ = try await PersonSignInTests.signIn(facilitator, PersonSignInTests.facilitator)
            let shown = try await facilitator.get(Self.path(session)).body.string
            #expect(!shown.contains(#"name="shown_\#(absent.personID.uuidString.lowercased())""#))
            // They check themselves in while the facilitator's list is open...
            try await store.save(sessionID: session.id, adding: [absent.personID], removing: [], by: .self, now: Date())
            // ...and the facilitator saves the list as it was shown, with one other box unticked.
            let before = try #require(try await store.sheet(sessionID: session.id))
            let untick = try #require(before.expected.first { $0.personID != absent.personID && before.present.contains($0.personID) })
            var form: [String: String] = ["action": "save"]
            for person in before.present where person != absent.personID {
                form["shown_\(person.uuidString.lowercased())"] = "present"
                if person != untick.personID { form["present_\(person.uuidString.lowercased())"] = "on" }
            }
            #expect(try await facilitator.post(Self.path(session), form).status == .seeOther)
            let after = try #require(try await store.sheet(sessionID: session.id))
            #expect(after.present.contains(absent.personID))
            #expect(!after.present.contains(untick.personID))
            #expect(after.present.count == before.present.count - 1)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func participantsCheckThemselvesInWithTheCodeWhileTheSessionRuns(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let session = try await Self.leadSession(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            _ = try await admin.get(Self.path(session))
            let code = try #require(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id)?.checkInCode)
            let participant = Browser(app)
            _ = try await PersonSignInTests.signIn(participant, PersonSignInTests.participant)
            let sheet = try #require(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id))
            let maria = try #require(sheet.expected.first { $0.name == "Maria Liza Santos" })
            try await AttendanceStore(db: app.persistence).save(sessionID: session.id, adding: [], removing: [maria.personID],
                                                                by: .staff, now: Date())
            // Before the session, the form is not offered and the code does not work.
            app.wallClock = .fixed(session.start.addingTimeInterval(-3600))
            #expect(!(try await participant.get("/me").body.string.contains(#"name="code""#)))
            #expect(try await participant.post("/me/check-in", ["code": code]).status == .unprocessableEntity)
            app.wallClock = .fixed(session.start.addingTimeInterval(600))
            #expect(try await participant.get("/me").body.string.contains(#"name="code""#))
            let wrong = try await participant.post("/me/check-in", ["code": "ZZZZZZ"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("does not match") && wrong.body.string.contains(#"value="ZZZZZZ""#))
            let typed = "\(code.prefix(3).lowercased()) - \(code.dropFirst(3).lowercased())"
            let done = try await participant.post("/me/check-in", ["code": typed])
            #expect(done.headers.first(name: .location) == "/me?done=checkIn")
            #expect(try await AttendanceStore(db: app.persistence).sheet(sessionID: session.id)?.present.contains(maria.personID) == true)
            // Guessing is cut short.
            var statuses: [UInt] = []
            for guess in 0..<12 { statuses.append(try await participant.post("/me/check-in", ["code": String(format: "Q%05d", guess)]).status.code) }
            #expect(statuses.contains(429))
            #expect(try await participant.post("/me/check-in", ["code": code]).status == .tooManyRequests)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theModuleSummaryAppliesTheCompletionRule(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (module, _) = try await Self.sessions(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let page = "/staff/programs/mwp-2006/modules/\(module.id.uuidString.lowercased())/attendance"
            let summary = try await admin.get(page).body.string
            #expect(summary.contains("at least 80 % of its sessions"))
            #expect(summary.contains("30 of 32 participants meet the rule so far."))
            let csv = try await admin.get(page + ".csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.split(whereSeparator: \.isNewline).count == 33)
            #expect(!csv.body.string.contains("Maria Liza Santos"))
            #expect(try await admin.get(page + ".csv?names=1").body.string.contains("Maria Liza Santos"))
            for (measure, percent) in [("hours", "1e300"), ("hours", "-5"), ("minutes", "80"), ("sessions", "101"), ("sessions", "")] {
                let refused = try await admin.post(page, ["measure": measure, "percent": percent])
                #expect(refused.status == .unprocessableEntity, "\(measure) \(percent)")
                #expect(refused.body.string.contains(#"value="\#(percent)""#))
            }
            #expect(try await admin.post(page, ["measure": "hours", "percent": "60"]).status == .seeOther)
            #expect(try await admin.get(page).body.string.contains("32 of 32 participants meet the rule so far."))
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get(page).status == .notFound)
        }
    }
}
