import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct ApplicationStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func anUnreadableStoredValueIsAnErrorNeverADefault(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            guard case .created(let application) = try await store.start(
                callID: call.id, email: "corrupt@example.org", language: .english, formVersion: 1, tokenHash: "hc",
                starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message) else {
                Issue.record("expected a new application"); return
            }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE applications SET status = 'archived-by-hand' WHERE id = \(bind: application.id)")
            }
            // Read as a draft, it would be editable again: it is refused instead, naming where.
            await #expect(throws: StoreError.corrupt(table: "applications", column: "status")) { try await store.find(application.id) }
            await #expect(throws: StoreError.corrupt(table: "applications", column: "status")) {
                try await ApplicationListStore(db: harness.persistence).page(callID: call.id, filter: ApplicationFilter(), sort: .newest,
                                                                             after: nil, limit: 10)
            }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE applications SET status = 'draft', answers = '{not json' WHERE id = \(bind: application.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "applications", column: "answers")) { try await store.find(application.id) }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func startingTwiceResumesTheSameApplicationAndRetiresTheFirstLink(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            let first = try await store.start(callID: call.id, email: "ana@example.org", language: .malay, formVersion: 1,
                                              tokenHash: "h1", starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message)
            guard case .created(let application) = first else { Issue.record("expected a new application"); return }
            let second = try await store.start(callID: call.id, email: "ana@example.org", language: .english, formVersion: 1,
                                               tokenHash: "h2", starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message)
            guard case .existing(let again) = second else { Issue.record("expected the existing application"); return }
            #expect(again.id == application.id)
            let lifetime: TimeInterval = 90 * 86_400
            guard case .expired(let callID)? = try await store.open(tokenHash: "h1", now: Date(), lifetime: lifetime) else {
                Issue.record("the first link should be retired"); return
            }
            #expect(callID == call.id)
            guard case .open(let opened)? = try await store.open(tokenHash: "h2", now: Date(), lifetime: lifetime) else {
                Issue.record("the new link should open the application"); return
            }
            #expect(opened.application.id == application.id)
            #expect(try await store.open(tokenHash: "h2", now: Date().addingTimeInterval(lifetime + 60), lifetime: lifetime).map {
                if case .expired = $0 { true } else { false }
            } == true)
            #expect(try await store.open(tokenHash: "nothing", now: Date(), lifetime: lifetime) == nil)
            #expect(try await store.count(callID: call.id) == 1)
            let messages = try await OutboxStore(db: harness.persistence).messages(to: "ana@example.org")
            #expect(messages.map(\.subject).sorted() == ["Your application link", "Your link again"])
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func savesMergeAndKeepInvalidAnswers(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            guard case .created(let application) = try await store.start(
                callID: call.id, email: "b@example.org", language: .english, formVersion: 1, tokenHash: "t",
                starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message) else { return }
            _ = try await store.save(id: application.id, answers: ["full_name": .text("Bina"), "years_experience": .text("lots")],
                                     language: nil, now: Date())
            let saved = try await store.save(id: application.id, answers: ["languages_spoken": .list(["ne", "en"])], language: .nepali, now: Date())
            #expect(saved.answers == ["full_name": .text("Bina"), "years_experience": .text("lots"), "languages_spoken": .list(["ne", "en"])])
            #expect(saved.language == .nepali)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func submittingGivesSequentialReferencesOnceEach(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            var ids: [UUID] = []
            for index in 0..<6 {
                if case .created(let application) = try await store.start(
                    callID: call.id, email: "p\(index)@example.org", language: .english, formVersion: 1, tokenHash: "t\(index)",
                    starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message) { ids.append(application.id) }
            }
            let receipt: @Sendable (CallApplication) -> OutgoingMessage = { OutgoingMessage(to: $0.email, subject: "Receipt", body: $0.reference ?? "") }
            // Submissions race each other; every one gets its own number.
            let references = try await withThrowingTaskGroup(of: String.self) { group in
                for id in ids { group.addTask { try await store.submit(id: id, now: Date(), receipt: receipt).reference ?? "" } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(references) == Set((1...6).map { ReferenceCode.make(prefix: "MWP2017", number: $0) }))
            // A second submit is answered with the same reference and sends no second receipt.
            let again = try await store.submit(id: ids[0], now: Date(), receipt: receipt)
            #expect(references.contains(again.reference ?? ""))
            #expect(try await OutboxStore(db: harness.persistence).messages(to: "p0@example.org").filter { $0.subject == "Receipt" }.count == 1)
            #expect(try await store.count(callID: call.id, status: .submitted) == 6)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func withdrawnApplicationsCannotBeSubmitted(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let store = ApplicationStore(db: harness.persistence)
            guard case .created(let application) = try await store.start(
                callID: call.id, email: "w@example.org", language: .english, formVersion: 1, tokenHash: "tw",
                starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message) else { return }
            let withdrawn = try await store.withdraw(id: application.id, now: Date()) { OutgoingMessage(to: $0.email, subject: "Withdrawn", body: "") }
            #expect(withdrawn.status == .withdrawn)
            await #expect(throws: DomainError.self) {
                _ = try await store.submit(id: application.id, now: Date()) { OutgoingMessage(to: $0.email, subject: "", body: "") }
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func formsAreVersionedNotEdited(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let calls = CallStore(db: harness.persistence)
            let v2 = try await calls.publishForm(callID: call.id, sections: [ProfileSection.section], now: Date())
            #expect(v2.version == 2)
            #expect(try await calls.load(call.id)?.form.version == 2)
            #expect(try await calls.form(callID: call.id, version: 1) == StoreFixtures.form)
            #expect(try await calls.openCalls(at: Date()).map(\.id) == [call.id])
        }
    }
}

@Suite struct OutboxStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func aClaimedMessageIsNotClaimedAgainUntilItsLeaseEnds(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            _ = try await ApplicationStore(db: harness.persistence).start(callID: call.id, email: "o@example.org", language: .english, formVersion: 1,
                                                                 tokenHash: "to", starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message)
            let outbox = OutboxStore(db: harness.persistence)
            let now = Date()
            let first = try await outbox.claim(limit: 10, now: now)
            #expect(first.count == 1)
            #expect(try await outbox.claim(limit: 10, now: now).isEmpty)
            // After the lease runs out, another instance may take it over.
            #expect(try await outbox.claim(limit: 10, now: now.addingTimeInterval(OutboxStore.leaseSeconds + 1)).count == 1)
            try await outbox.markFailed(first[0].id, attempts: first[0].attempts, error: "transport down", now: now)
            #expect(try await outbox.claim(limit: 10, now: now.addingTimeInterval(5)).isEmpty)
            let retry = try await outbox.claim(limit: 10, now: now.addingTimeInterval(31))
            #expect(retry.count == 1 && retry[0].attempts == 1)
            try await outbox.markSent(retry[0].id, at: now)
            #expect(try await outbox.pendingCount() == 0)
        }
    }
}
