import CohortStore
import Foundation
import Vapor

/// Removes expired sessions, old sign-in failures and start attempts every few minutes, so neither table
/// grows without end, and sends the surveys' reminders that are due. Every instance runs it:
/// the deletes are idempotent, and a reminder is claimed in the database before it is sent.
final class MaintenanceLoop: LifecycleHandler, @unchecked Sendable {
    static let interval: Duration = .seconds(600)
    private var task: Task<Void, Never>?
    private let lock = NSLock()

    func didBootAsync(_ app: Application) async throws {
        let config = app.cohortConfig
        let db = app.persistence
        let clock = app.wallClock
        let logger = app.logger
        let loop = Task {
            // The first purge waits a little: a server that fails to start is shut down before it runs.
            try? await Task.sleep(for: .seconds(30))
            while !Task.isCancelled {
                do {
                    let now = clock.now
                    try await AuthSessionStore(db: db).purge(idleBefore: now.addingTimeInterval(-config.session.idleTimeout),
                                                             createdBefore: now.addingTimeInterval(-config.session.absoluteTimeout))
                    try await SignInFailureStore(db: db).purge(before: now.addingTimeInterval(-TimeInterval(config.throttle.windowSeconds)))
                    try await PersonAccessStore(db: db).purge(now: now, idleBefore: now.addingTimeInterval(-config.personSession.idleTimeout),
                                                              createdBefore: now.addingTimeInterval(-config.personSession.absoluteTimeout))
                    try await ApplicationStore(db: db).purgeStartAttempts(before: now.addingTimeInterval(-TimeInterval(config.startLimit.windowSeconds)))
                    try await SurveyReminders.sendDue(app, now: now)
                } catch {
                    logger.warning("maintenance: purge failed (\(String(describing: type(of: error))))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
        lock.withLock { task = loop }
    }

    func shutdownAsync(_ app: Application) async {
        lock.withLock { task }?.cancel()
    }
}
