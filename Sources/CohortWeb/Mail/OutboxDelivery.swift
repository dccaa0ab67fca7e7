import CohortCore
import CohortStore
import Fluent
import Foundation
import Vapor

/// Delivers outbox messages in the background. Each instance claims messages with a lease,
/// so several instances share the work; a failed delivery is retried later with a growing pause.
final class OutboxDelivery: LifecycleHandler, @unchecked Sendable {
    static let interval: Duration = .seconds(2)
    static let batchSize = 20
    private var task: Task<Void, Never>?
    private let lock = NSLock()

    func didBootAsync(_ app: Application) async throws {
        let config = app.cohortConfig
        let db = app.persistence
        let clock = app.wallClock
        let logger = app.logger
        let loop = Task.detached {
            while !Task.isCancelled {
                await Self.deliverAllDue(db: db, clock: clock, config: config, logger: logger)
                try? await Task.sleep(for: Self.interval)
            }
        }
        lock.withLock { task = loop }
    }

    func shutdownAsync(_ app: Application) async {
        lock.withLock { task }?.cancel()
    }

    /// Delivers what is due batch after batch until a claim comes back short, so that a rush
    /// before a deadline (hundreds of links and receipts a second) goes out within seconds
    /// rather than at one batch every two seconds.
    static func deliverAllDue(db: Persistence, clock: WallClock, config: CohortConfig, logger: Logger) async {
        while !Task.isCancelled, await deliverDue(db: db, clock: clock, config: config, logger: logger) == batchSize {}
    }

    /// One round: claim what is due and hand it to the transport. Returns how many were claimed.
    @discardableResult
    static func deliverDue(db: Persistence, clock: WallClock, config: CohortConfig, logger: Logger) async -> Int {
        let outbox = OutboxStore(db: db)
        do {
            let claimed = try await outbox.claim(limit: batchSize, now: clock.now)
            for pending in claimed {
                do {
                    try config.mailTransport.deliver(pending.message, id: pending.id, from: config.mailFrom, at: clock.now, logger: logger)
                    try await outbox.markSent(pending.id, at: clock.now)
                } catch {
                    logger.warning("outbox: delivery of message \(pending.id) failed; it will be retried")
                    try await outbox.markFailed(pending.id, attempts: pending.attempts, error: String(describing: error), now: clock.now)
                }
            }
            return claimed.count
        } catch {
            logger.warning("outbox: could not read pending messages (\(String(describing: type(of: error))))")
            return 0
        }
    }
}
