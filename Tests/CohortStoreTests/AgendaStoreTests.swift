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
            // Accepted once, the clashes do not stop a change of title; a new clash does.
            var retitled = clashing
            retitled.title = LocalizedText(english: "Country groups")
            #expect(try await agenda.save(retitled, now: now).isEmpty)
            #expect(try await agenda.entries(moduleID: scene.module.id).contains { $0.session.title == retitled.title })
            var rehoused = retitled
            rehoused.room = "Hall B"
            #expect(try await agenda.save(rehoused, now: now) == [.roomUsedTwice(room: "Hall B", otherSessionID: panel.id)])
            #expect(try await agenda.entries(moduleID: scene.module.id).contains { $0.session.room == "Hall A" && $0.session.id == clashing.id })
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

    @Test(arguments: TestDatabaseKind.all)
    func publishingKeepsAVersionAndTellsThePeopleOfTheProgramWhatChanged(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let scene = try await Self.scene(harness)
            let agenda = AgendaStore(db: harness.persistence)
            let participant = UUID(), unreachable = UUID()
            try await harness.persistence.write { sql in
                try PeopleSQL.insert(id: participant, fullName: "Sita Rai", country: "NP", sector: "ngo", position: "", isSample: false,
                                     email: " Sita@Example.ORG ", language: .nepali, now: Date(), on: sql)
                try PeopleSQL.insert(id: unreachable, fullName: "No Address", country: "MY", sector: "ngo", position: "", isSample: false,
                                     now: Date(), on: sql)
                for person in [participant, unreachable] {
                    try PeopleSQL.enrol(Enrolment(programID: scene.module.programID, personID: person, role: .participant), on: sql)
                }
            }
            let now = Date(timeIntervalSince1970: 1_509_000_000)
            let opening = Self.session(scene, 9, 10), panel = Self.session(scene, 11, 12)
            var staffMeeting = Self.session(scene, 8, 9, room: "Office")
            staffMeeting.visibility = .staff
            for session in [opening, panel, staffMeeting] { _ = try await agenda.save(session, now: now) }
            let told = Told()
            let compose: @Sendable (AgendaStore.Recipient, [AgendaChange], AgendaVersion) -> OutgoingMessage = { recipient, changes, version in
                told.add(recipient, changes)
                return OutgoingMessage(to: recipient.email, subject: "Agenda v\(version.number)", body: "\(changes.count) changes")
            }
            await #expect(throws: ValidationFailure.self) {
                _ = try await agenda.publish(moduleID: scene.module.id, note: "  ", by: nil, now: now, compose: compose)
            }
            let first = try await agenda.publish(moduleID: scene.module.id, note: " First agenda ", by: nil, now: now, compose: compose)
            #expect(first.number == 1 && first.note == "First agenda" && first.entries.count == 3)
            // Only the person with an address is written to, in their language, of what they may see.
            #expect(told.recipients.map(\.email) == ["sita@example.org"] && told.recipients.first?.language == .nepali)
            #expect(told.changes.first.map { $0.map(\.session.id) } == [opening.id, panel.id])
            await #expect(throws: DomainError.conflict(.agendaUnchanged)) {
                _ = try await agenda.publish(moduleID: scene.module.id, note: "Again", by: nil, now: now, compose: compose)
            }
            // Moving the panel, cancelling the opening (it was published: cancelled, not deleted) and
            // adding a session: version 2 tells just that. A change to the staff's meeting is told to nobody.
            var moved = panel
            moved.start = Self.at(14)
            moved.end = Self.at(15)
            _ = try await agenda.save(moved, now: now)
            #expect(try await agenda.remove(sessionID: opening.id, moduleID: scene.module.id, now: now) == .cancelled)
            let added = Self.session(scene, 16, 17)
            _ = try await agenda.save(added, now: now)
            let draft = Self.session(scene, 17, 18)
            _ = try await agenda.save(draft, now: now)
            #expect(try await agenda.remove(sessionID: draft.id, moduleID: scene.module.id, now: now) == .deleted)
            let second = try await agenda.publish(moduleID: scene.module.id, note: "Panel moved", by: nil, now: now.addingTimeInterval(60), compose: compose)
            #expect(second.number == 2)
            let changes = told.changes.last ?? []
            #expect(changes.count == 3)
            if changes.count == 3 {
                #expect(changes[0] == .cancelled(changes[0].session) && changes[0].session.id == opening.id)
                #expect(changes[1] == .moved(from: panel, to: moved))
                #expect(changes[2] == .added(added))
            }
            var meeting = staffMeeting
            meeting.room = "Hall C"
            _ = try await agenda.save(meeting, now: now)
            _ = try await agenda.publish(moduleID: scene.module.id, note: "Staff room", by: nil, now: now, compose: compose)
            #expect(told.changes.count == 2)
            let versions = try await agenda.versions(moduleID: scene.module.id)
            #expect(versions.map(\.number) == [1, 2, 3] && versions[1] == second)
            let published = try await agenda.published(programID: scene.module.programID)
            #expect(published.versions[scene.module.id]?.number == 3 && published.names[participant] == "Sita Rai")
            #expect(try await OutboxStore(db: harness.persistence).messages(to: "sita@example.org").map(\.subject) == ["Agenda v2", "Agenda v1"])
        }
    }

    /// What `publish` asked to be written, in order.
    final class Told: @unchecked Sendable {
        private let lock = NSLock()
        private var told: [(AgendaStore.Recipient, [AgendaChange])] = []
        func add(_ recipient: AgendaStore.Recipient, _ changes: [AgendaChange]) { lock.withLock { told.append((recipient, changes)) } }
        var recipients: [AgendaStore.Recipient] { lock.withLock { told.map(\.0) } }
        var changes: [[AgendaChange]] { lock.withLock { told.map(\.1) } }
    }
}
