@testable import CohortWeb
import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import Logging
import Testing

/// A rush of applications before a deadline: every link goes out in one round of the delivery
/// loop, not one batch of twenty per round.
@Suite struct OutboxDeliveryTests {
    @Test func oneRoundDeliversEverythingThatIsDue() async throws {
        try await StoreHarness.with(.sqlite) { harness in
            try await DemoLoader(db: harness.persistence).load(now: Date(), hashPassword: { "not-a-real-hash-\($0.count)" })
            let call = try #require(try await CallStore(db: harness.persistence).openCalls(at: Date()).first)
            let outbox = OutboxStore(db: harness.persistence)
            let before = try await outbox.pendingCount()
            for n in 0..<(OutboxDelivery.batchSize * 2 + 5) {
                _ = try await ApplicationStore(db: harness.persistence).start(
                    callID: call.id, email: "rush\(n)@example.org", language: .english, formVersion: 1, tokenHash: "rush-\(n)",
                    starter: .init(addressKey: "a-\(UUID())", clientKey: "c-\(UUID())"), limit: StartLimit(), now: Date()) { application, _ in OutgoingMessage(to: application.email, subject: "Your link", body: "…") }
            }
            #expect(try await outbox.pendingCount() == before + OutboxDelivery.batchSize * 2 + 5)
            var config = CohortConfig.testing()
            config.mailTransport = .log
            await OutboxDelivery.deliverAllDue(db: harness.persistence, clock: .system, config: config, logger: Logger(label: "outbox-test"))
            #expect(try await outbox.pendingCount() == 0)
        }
    }
}
