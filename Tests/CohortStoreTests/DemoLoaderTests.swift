import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import Testing

@Suite struct DemoLoaderTests {
    @Test(arguments: TestDatabaseKind.all)
    func loadsTheSeedProgramsOnceOnly(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let loader = DemoLoader(db: harness.persistence)
            #expect(try await loader.isEmpty())
            try await loader.load(now: Date(), hashPassword: { "hash-of-\($0.count)" })
            let detail = try #require(try await ProgramStore(db: harness.persistence).detail(slug: "mwp-2006"))
            #expect(detail.program.startDate.iso == "2006-04-07")
            #expect(detail.modules.first?.city == "Petaling Jaya")
            #expect(detail.countries.count == 13)
            #expect(detail.participantCount == 32)
            let later = try #require(try await ProgramStore(db: harness.persistence).detail(slug: "mwp-2017-18"))
            #expect(later.lead?.organisation.name == "Diplomacy Training Program")
            #expect(later.partnerships.count == 5)
            #expect(later.modules.count == 5)
            let manager = try #require(try await AccountStore(db: harness.persistence).credentials(email: "manager@demo.cohort.example"))
            let actor = try await AccountStore(db: harness.persistence).actor(manager.account)
            #expect(actor.programRoles[later.program.id] == [.manager])
            #expect(actor.programRoles[detail.program.id] == nil)
            await #expect(throws: DemoLoader.LoadError.self) { try await loader.load(now: Date(), hashPassword: { $0 }) }
        }
    }

    /// The 2017/18 program as it happened: a closed call, its applications reviewed, a cohort
    /// selected under quotas and confirmed (one place declined and offered to the waiting list),
    /// the partners' nominees from countries of origin added, and five modules held with their
    /// agendas, attendance and certificates.
    @Test(arguments: TestDatabaseKind.all)
    func the2017ProgramIsShownAsItHappened(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let db = harness.persistence, now = Date()
            try await DemoLoader(db: db).load(now: now, hashPassword: { "hash-of-\($0.count)" })
            let detail = try #require(try await ProgramStore(db: db).detail(slug: "mwp-2017-18"))
            let call = try #require(try await CallStore(db: db).calls(programID: detail.program.id).first)
            #expect(call.closesAt < now && call.referencePrefix == "MWP2017")
            #expect(try await ReviewStore(db: db).reviews(callID: call.id).count == 2 * 28, "both reviewers read every eligible application")
            let runs = try await SelectionRunStore(db: db).runs(callID: call.id)
            #expect(runs.count == 1 && runs.first?.status == .optimal && runs.first?.selected.count == 18)
            let decisions = try await DecisionStore(db: db).decisions(callID: call.id)
            #expect(decisions.filter { $0.outcome == .accepted && $0.response == .confirmed }.count == 18)
            #expect(decisions.filter { $0.response == .declined }.count == 1)
            #expect(decisions.filter { $0.outcome == .waitlisted }.count == 3)
            #expect(decisions.allSatisfy { $0.response == nil || $0.respondedAt! < Self.start(of: detail.modules[0]) })

            let members = try await ProgramPeopleStore(db: db).members(programID: detail.program.id)
            let participants = members.filter { $0.role == .participant }
            #expect(participants.count == 28)
            #expect(Set(participants.compactMap(\.country?.code)) == ["MY", "NP", "BD", "PH", "ID", "KH"])
            #expect(participants.filter { $0.country?.code == "MY" }.count == 18)
            #expect(participants.allSatisfy { $0.isSample && !$0.organisation.isEmpty })

            #expect(detail.modules.map(\.number) == [1, 2, 3, 4, 5])
            // The participant `serve --demo` names has a certificate for each module.
            #expect(try await CertificateStore(db: db).person(email: DemoCatalog.applicant2017Email(0)).count == 5)
            for module in detail.modules {
                #expect(try await AgendaStore(db: db).versions(moduleID: module.id).count == 1, "Module \(module.number) is published")
                let attendance = try #require(try await AttendanceStore(db: db).module(moduleID: module.id, now: now))
                #expect(attendance.participants.count == 28 && !attendance.attended.isEmpty)
                let certificates = try await CertificateStore(db: db).module(module.id)
                #expect(certificates.count == (module.number == 3 ? 27 : 28), "Module \(module.number)")
                #expect(Set(certificates.map(\.personID)) == Set(attendance.completed.map(\.personID)))
            }
        }
    }

    /// The open call belongs to an illustrative next edition, whose dates follow from the day
    /// the demo is loaded: the call is open that day and closes before Module 1, whose agenda
    /// is drafted but not published.
    @Test(arguments: TestDatabaseKind.all)
    func theOpenCallBelongsToANextEditionInPreparation(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let db = harness.persistence, now = Date(timeIntervalSince1970: 1_900_000_000)
            try await DemoLoader(db: db).load(now: now, hashPassword: { "hash-of-\($0.count)" })
            let open = try await CallStore(db: db).openCalls(at: now)
            let next = try #require(try await ProgramStore(db: db).detail(slug: DemoCatalog.nextEditionSlug))
            #expect(open.map(\.programID) == [next.program.id], "the next edition's call is the only one open")
            #expect(next.program.status == .open && next.program.isSample)
            let first = try #require(next.modules.first)
            #expect(try #require(open.first).closesAt < Self.start(of: first))
            #expect(next.modules.allSatisfy { $0.isIllustrative })
            let drafted = try await AgendaStore(db: db).entries(moduleID: first.id)
            #expect(!drafted.isEmpty)
            #expect(try await AgendaStore(db: db).versions(moduleID: first.id).isEmpty, "Module 1's agenda is in preparation")
        }
    }

    static func start(of module: ProgramModule) -> Date { VenueTime.instant(module.startDate, hour: 0, minute: 0, in: module.zone) }
}
