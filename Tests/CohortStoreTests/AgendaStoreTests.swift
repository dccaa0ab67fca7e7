import CohortCore
@testable import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct AgendaStoreTests {
    struct Scene {
        let module: ProgramModule
        let facilitator: UUID
        let resourcePerson: UUID
    }

    /// Module 1 of a program, 6–10 November 2017 in Kuala Lumpur, with a facilitator and a resource person.
    static func scene(_ harness: StoreHarness, slug: String = "mwp-test") async throws -> Scene {
        let program = StoreFixtures.program(slug: slug)
        try await ProgramStore(db: harness.persistence).create(program, now: Date())
        let module = ProgramModule(id: UUID(), programID: program.id, number: 1, title: "Module 1", startDate: CalendarDate(iso: "2017-11-06")!,
                                   endDate: CalendarDate(iso: "2017-11-10")!, city: "Kuala Lumpur", country: Country(code: "MY"), format: .inPerson,
                                   timeZone: "Asia/Kuala_Lumpur")
        try await ProgramPartsStore(db: harness.persistence).saveModule(module)
        let facilitator = UUID(), resourcePerson = UUID()
        try await harness.persistence.write { sql in
            for (id, role) in [(facilitator, EnrolmentRole.facilitator), (resourcePerson, .resourcePerson)] {
                try PeopleSQL.insert(id: id, fullName: "Person \(role.rawValue)", country: "MY", sector: "ngo", position: "", isSample: false,
                                     now: Date(), on: sql)
                try PeopleSQL.enrol(Enrolment(programID: program.id, personID: id, role: role), on: sql)
            }
        }
        return Scene(module: module, facilitator: facilitator, resourcePerson: resourcePerson)
    }

    /// 6 November 2017 at `hour` in Kuala Lumpur (UTC+8), `day` days later.
    static func at(_ hour: Int, day: Int = 0) -> Date {
        let seconds: Int = day * 86_400 + hour * 3600
        return Date(timeIntervalSince1970: 1_509_897_600 + TimeInterval(seconds))
    }

    static func session(_ scene: Scene, _ from: Int, _ to: Int, day: Int = 0, speakers: [UUID] = [], room: String = "Hall A") -> AgendaSession {
        AgendaSession(id: UUID(), moduleID: scene.module.id, start: at(from, day: day), end: at(to, day: day),
                      title: LocalizedText([.english: "The Migrant Workers Convention", .malay: "Konvensyen Pekerja Migran"]),
                      description: LocalizedText(english: "Rights; the Committee, and reporting."), kind: .plenary, room: room,
                      speakers: speakers, topics: ["ICRMW", "CMW"], visibility: .everyone)
    }

    @Test(arguments: TestDatabaseKind.all)
    func sessionsAreSavedInTheVenuesZoneAndClashesAreShownNotAccepted(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let agenda = AgendaStore(db: harness.persistence)
            let now = Date(timeIntervalSince1970: 1_509_000_000)
            // 07:00 on the first day in Kuala Lumpur is still 5 November in UTC: inside the module.
            let opening = Self.session(scene, 7, 9, speakers: [scene.facilitator])
            #expect(try await agenda.save(opening, now: now).isEmpty)
            let panel = Self.session(scene, 9, 10, speakers: [scene.facilitator, scene.resourcePerson], room: "Hall B")
            #expect(try await agenda.save(panel, now: now).isEmpty)
            // The facilitator and Hall A are taken from 8 to 9: nothing is saved, and both clashes are said.
            let clashing = Self.session(scene, 8, 10, speakers: [scene.facilitator])
            let clashes = try await agenda.save(clashing, now: now)
            #expect(Set(clashes) == [.speakerInTwoSessions(personID: scene.facilitator, otherSessionID: opening.id),
                                     .speakerInTwoSessions(personID: scene.facilitator, otherSessionID: panel.id),
                                     .roomUsedTwice(room: "Hall A", otherSessionID: opening.id)])
            #expect(try await agenda.entries(moduleID: scene.module.id).map(\.session.id) == [opening.id, panel.id])
            // The person saving may accept them, knowing.
            #expect(try await agenda.save(clashing, acceptingClashes: true, now: now).count == 3)
            #expect(try await agenda.save(Self.session(scene, 9, 10, day: 5), now: now) == [.outsideModuleDates])
            let entries = try await agenda.entries(moduleID: scene.module.id)
            #expect(entries.map(\.session.id) == [opening.id, clashing.id, panel.id])
            #expect(entries[0].session == opening && entries[0].sequence == 0 && entries[0].updatedAt == now)
            // A change raises the sequence (calendar programs take the newer copy); cancelling keeps the session.
            var moved = opening
            moved.start = Self.at(7, day: 1)
            moved.end = Self.at(9, day: 1)
            #expect(try await agenda.save(moved, now: now.addingTimeInterval(60)).isEmpty)
            try await agenda.cancel(sessionID: panel.id, moduleID: scene.module.id, now: now.addingTimeInterval(120))
            await #expect(throws: DomainError.self) { try await agenda.cancel(sessionID: panel.id, moduleID: scene.module.id, now: now) }
            let after = Dictionary(uniqueKeysWithValues: try await agenda.entries(moduleID: scene.module.id).map { ($0.session.id, $0) })
            #expect(after[opening.id]?.sequence == 1 && after[opening.id]?.session.start == moved.start)
            #expect(after[panel.id]?.session.isCancelled == true && after[panel.id]?.sequence == 1)
            #expect(Set(after[panel.id]?.session.speakers ?? []) == [scene.facilitator, scene.resourcePerson])
            // A cancelled session frees its room and people.
            #expect(try await agenda.save(Self.session(scene, 9, 10, speakers: [scene.resourcePerson], room: "Hall B"), now: now).isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aSessionIsCheckedFieldByFieldAndItsSpeakersArePeopleOfTheProgram(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let agenda = AgendaStore(db: harness.persistence)
            var bad = Self.session(scene, 10, 9)
            bad.title = LocalizedText([.malay: "Tanpa tajuk Inggeris"])
            do {
                _ = try await agenda.save(bad, now: Date())
                Issue.record("an ill-formed session was saved")
            } catch let failure as ValidationFailure {
                #expect(failure.errors.map(\.field) == ["title", "end"])
            }
            await #expect(throws: FieldRefusal(.speakerNotInProgram)) {
                _ = try await agenda.save(Self.session(scene, 9, 10, speakers: [UUID()]), now: Date())
            }
            await #expect(throws: DomainError.self) {
                var elsewhere = Self.session(scene, 9, 10)
                elsewhere.moduleID = UUID()
                _ = try await agenda.save(elsewhere, now: Date())
            }
            #expect(try await agenda.entries(moduleID: scene.module.id).isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aSessionOrZoneThatCannotBeReadBackIsAnErrorNotADefault(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let agenda = AgendaStore(db: harness.persistence)
            let session = Self.session(scene, 9, 10)
            _ = try await agenda.save(session, now: Date())
            try await harness.persistence.write { sql in try sql.run("UPDATE agenda_sessions SET kind = 'keynote' WHERE id = \(bind: session.id)") }
            await #expect(throws: StoreError.corrupt(table: "agenda_sessions", column: "kind")) { try await agenda.entries(moduleID: scene.module.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE agenda_sessions SET kind = 'plenary', topics = 'ICRMW' WHERE id = \(bind: session.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "agenda_sessions", column: "topics")) { try await agenda.entries(moduleID: scene.module.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE program_modules SET time_zone = 'Asia/Atlantis' WHERE id = \(bind: scene.module.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "program_modules", column: "time_zone")) { try await agenda.frame(moduleID: scene.module.id) }
            await #expect(throws: StoreError.corrupt(table: "program_modules", column: "time_zone")) {
                try await ProgramPartsStore(db: harness.persistence).module(programID: scene.module.programID, moduleID: scene.module.id)
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func removingAModuleOrItsProgramTakesTheAgendaWithIt(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let agenda = AgendaStore(db: harness.persistence)
            _ = try await agenda.save(Self.session(scene, 9, 10, speakers: [scene.facilitator]), now: Date())
            struct Count: Decodable { let n: Int }
            func left() async throws -> Int {
                try await harness.persistence.read { sql in
                    try sql.first("SELECT (SELECT COUNT(*) FROM agenda_sessions) + (SELECT COUNT(*) FROM session_speakers) AS n", decoding: Count.self)?.n ?? -1
                }
            }
            #expect(try await left() == 2)
            try await ProgramPartsStore(db: harness.persistence).removeModule(programID: scene.module.programID, moduleID: scene.module.id)
            #expect(try await left() == 0)
            let again = try await Self.scene(harness, slug: "mwp-second")
            _ = try await agenda.save(Self.session(again, 9, 10, speakers: [again.resourcePerson]), now: Date())
            #expect(try await left() == 2)
            try await ProgramStore(db: harness.persistence).delete(again.module.programID)
            #expect(try await left() == 0)
        }
    }
}
