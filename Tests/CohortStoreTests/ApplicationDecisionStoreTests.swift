import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct ApplicationDecisionStoreTests {
    static func started(_ store: ApplicationStore, callID: UUID, email: String) async throws -> CallApplication {
        guard case .created(let application) = try await store.start(callID: callID, email: email, language: .english, formVersion: 1,
                                                                     tokenHash: "t-\(UUID())", starter: StoreFixtures.starter, limit: StartLimit(),
                                                                     now: Date(), message: StoreFixtures.message)
        else { throw StoreTestFailure() }
        return application
    }

    @Test(arguments: TestDatabaseKind.all)
    func countsAndTotalsFollowEveryChange(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            let list = ApplicationListStore(db: harness.persistence)
            let nepal = ApplicationFilter(nationality: "NP")
            let application = try await Self.started(store, callID: call.id, email: "a@example.org")
            #expect(try await list.counts(callID: call.id, column: .nationality) == ["": 1])
            #expect(try await list.total(callID: call.id, filter: nepal) == 0)
            _ = try await store.save(id: application.id, answers: ["nationality": .text("NP")], language: nil, now: Date())
            // Read twice: the second answer comes from the cache and must agree.
            for _ in 0..<2 {
                #expect(try await list.counts(callID: call.id, column: .nationality) == ["NP": 1])
                #expect(try await list.total(callID: call.id, filter: nepal) == 1)
            }
            _ = try await store.save(id: application.id, answers: ["nationality": .text("MY")], language: nil, now: Date())
            #expect(try await list.total(callID: call.id, filter: nepal) == 0)
            _ = try await Self.started(store, callID: call.id, email: "b@example.org")
            #expect(try await list.counts(callID: call.id, column: .status) == ["draft": 2])
            #expect(try await list.page(callID: call.id, filter: ApplicationFilter(), sort: .newest, after: nil, limit: 10).total == 2)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func staffMoveSubmittedApplicationsAndLeaveDraftsAlone(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            let draft = try await Self.started(store, callID: call.id, email: "draft@example.org")
            let sent = try await Self.started(store, callID: call.id, email: "sent@example.org")
            _ = try await store.submit(id: sent.id, now: Date(), key: "key-1") { OutgoingMessage(to: $0.email, subject: "Receipt", body: "") }
            let other = try await StoreFixtures.openCall(harness.persistence, slug: "other")
            let elsewhere = try await Self.started(store, callID: other.id, email: "sent@example.org")
            let outcome = try await store.setStatus(.shortlisted, ids: [draft.id, sent.id, elsewhere.id], callID: call.id, now: Date())
            #expect(outcome.changed == 1)
            #expect(outcome.skipped == 2)
            #expect(try await store.find(sent.id)?.status == .shortlisted)
            #expect(try await store.find(draft.id)?.status == .draft)
            #expect(try await store.find(elsewhere.id)?.status == .draft)
            await #expect(throws: DomainError.self) { try await store.setStatus(.withdrawn, ids: [sent.id], callID: call.id, now: Date()) }
            // A shortlisted application still answers a repeated submit with its reference.
            let again = try await store.submit(id: sent.id, now: Date()) { OutgoingMessage(to: $0.email, subject: "Receipt", body: "") }
            #expect(again.reference == "MWP2017-0001")
            #expect(try await ApplicationListStore(db: harness.persistence).counts(callID: call.id, column: .status) == ["draft": 1, "shortlisted": 1])
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func anOverrideDecidesEligibilityUntilLifted(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            let call = StoreFixtures.call(programID: program.id)
            try await CallStore(db: harness.persistence).create(call, rules: EligibilityRules(residences: [Country(code: "MY")!]), form: StoreFixtures.form, now: Date())
            let store = ApplicationStore(db: harness.persistence)
            let list = ApplicationListStore(db: harness.persistence)
            let application = try await Self.started(store, callID: call.id, email: "sg@example.org")
            _ = try await store.save(id: application.id, answers: ["residence": .text("SG")], language: nil, now: Date())
            let eligible = ApplicationFilter(eligible: true)
            #expect(try await list.total(callID: call.id, filter: eligible) == 0)
            let manager = UUID()
            let decision = try await store.overrideEligibility(id: application.id, eligible: true, note: "Moved to Johor in May.", by: manager, now: Date())
            #expect(decision.override == true)
            #expect(decision.by == manager)
            #expect(try await list.total(callID: call.id, filter: eligible) == 1)
            // Later saves keep the manager's decision.
            _ = try await store.save(id: application.id, answers: ["full_name": .text("Sam")], language: nil, now: Date())
            #expect(try await list.total(callID: call.id, filter: eligible) == 1)
            let lifted = try await store.overrideEligibility(id: application.id, eligible: nil, note: nil, by: manager, now: Date())
            #expect(lifted == EligibilityDecision(override: nil, note: nil, by: nil, at: nil))
            #expect(try await list.total(callID: call.id, filter: eligible) == 0)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aNewUploadReplacesTheLastAndAnswersTheQuestion(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let application = try await Self.started(ApplicationStore(db: harness.persistence), callID: call.id, email: "f@example.org")
            let files = FileStore(db: harness.persistence)
            let first = try await files.attach(applicationID: application.id, questionKey: "letter", fileName: "a.pdf", kind: .pdf,
                                               bytes: Data("%PDF-1 first".utf8), now: Date())
            let second = try await files.attach(applicationID: application.id, questionKey: "letter", fileName: "b.png", kind: .png,
                                                bytes: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]), now: Date())
            #expect(second.application.answers["letter"] == .text(second.file.id.uuidString))
            #expect(try await files.files(applicationID: application.id).map(\.fileName) == ["b.png"])
            #expect(try await files.file(first.file.id, applicationID: application.id) == nil)
            let stored = try #require(try await files.file(second.file.id, applicationID: application.id))
            #expect(stored.bytes == Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
            #expect(stored.file.byteSize == 7)
            // Another application cannot name this file.
            #expect(try await files.file(second.file.id, applicationID: UUID()) == nil)
        }
    }
}

extension ApplicationDecisionStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func aSaveFromAStaleReadNeverLosesTheOtherSave(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            let stale = try await Self.started(store, callID: call.id, email: "two-tabs@example.org")
            // Two tabs read the same version; each saves a different answer.
            let first = try await store.save(stale, answers: ["motivation": .text("From tab one.")], rules: EligibilityRules(), now: Date())
            #expect(first.answers["motivation"] == .text("From tab one."))
            let second = try await store.save(stale, answers: ["position": .text("Organiser")], rules: EligibilityRules(), now: Date())
            #expect(second.answers["motivation"] == .text("From tab one."))
            #expect(second.answers["position"] == .text("Organiser"))
            #expect(try await store.find(stale.id)?.answers == second.answers)
            // A save that moves a listed fact goes through the full path and the counts follow.
            let named = try await store.save(try #require(try await store.find(stale.id)), answers: ["nationality": .text("NP")],
                                             rules: EligibilityRules(), now: Date())
            #expect(named.answers["nationality"] == .text("NP"))
            #expect(try await ApplicationListStore(db: harness.persistence).counts(callID: call.id, column: .nationality) == ["NP": 1])
        }
    }
}

extension ApplicationDecisionStoreTests {
    /// The applicant's save recomputes the rules' verdict, but a manager's override stays.
    @Test(arguments: TestDatabaseKind.all)
    func anApplicantsSaveKeepsAManagersEligibilityOverride(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            let application = try await Self.started(store, callID: call.id, email: "override@example.org")
            let rules = EligibilityRules(minimumYearsOfExperience: 5)
            _ = try await store.overrideEligibility(id: application.id, eligible: true, note: "Years in another role count.",
                                                    by: UUID(), now: Date())
            let current = try #require(try await store.find(application.id))
            _ = try await store.save(current, answers: ["years_experience": .text("2")], rules: rules, now: Date())
            struct Row: Decodable { let is_eligible: Bool; let ineligibility_reasons: String }
            let row = try #require(try await (harness.db as! any SQLDatabase)
                .raw("SELECT is_eligible, ineligibility_reasons FROM applications WHERE id = \(bind: application.id)").first(decoding: Row.self))
            #expect(row.is_eligible)
            #expect(row.ineligibility_reasons != "[]")
        }
    }
}

struct StoreTestFailure: Error {}
