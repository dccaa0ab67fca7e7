import Foundation

/// Copies the write-ahead log back into the database file from a thread of its own, twice a
/// second. SQLite would otherwise do it inside whichever commit crosses 1,000 logged pages,
/// and on the writer that holds up every piece waiting for the next batch. A passive
/// checkpoint never blocks the writer or the readers.
final class SQLiteCheckpointer: @unchecked Sendable {
    private let condition = NSCondition()
    private var isStopping = false
    private let done = DispatchSemaphore(value: 0)
    static let interval: TimeInterval = 0.5

    init(path: String) throws {
        let connection = try SQLiteHandle(path: path)
        let thread = Thread { [self] in
            while waitForNextRound() {
                try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            }
            connection.close()
            done.signal()
        }
        thread.name = "cohort-sqlite-checkpoint"
        thread.start()
    }

    /// False once stopping.
    private func waitForNextRound() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !isStopping { _ = condition.wait(until: Date().addingTimeInterval(Self.interval)) }
        return !isStopping
    }

    func shutdown() {
        condition.lock()
        isStopping = true
        condition.signal()
        condition.unlock()
        done.wait()
    }
}
