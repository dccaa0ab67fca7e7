import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import Testing

@Suite struct SyntheticApplicationsTests {
    @Test(arguments: TestDatabaseKind.all)
    func fillsACallWithDistinctApplicationsAndReferences(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            try await SyntheticApplications(db: harness.persistence).fill(callID: call.id, count: 1_200, now: Date())
            let store = ApplicationStore(db: harness.persistence)
            #expect(try await store.count(callID: call.id) == 1_200)
            let submitted = try await store.count(callID: call.id, status: .submitted)
            #expect(submitted > 900 && submitted < 1_200)
            let list = ApplicationListStore(db: harness.persistence)
            let page = try await list.page(callID: call.id, filter: ApplicationFilter(status: .submitted), sort: .reference, after: nil, limit: 3)
            #expect(page.items.map(\.reference) == ["MWP2017-0001", "MWP2017-0002", "MWP2017-0003"])
            // The next real submission continues the numbering.
            guard case .created(let application) = try await store.start(
                callID: call.id, email: "real@example.org", language: .english, formVersion: 1, tokenHash: "real",
                starter: StoreFixtures.starter, limit: StartLimit(), now: Date(), message: StoreFixtures.message) else { return }
            let done = try await store.submit(id: application.id, now: Date()) { OutgoingMessage(to: $0.email, subject: "", body: "") }
            #expect(done.reference == ReferenceCode.make(prefix: "MWP2017", number: submitted + 1))
        }
    }
}
