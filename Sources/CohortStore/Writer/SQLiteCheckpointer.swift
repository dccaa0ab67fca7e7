import CohortCore
import Foundation

/// Copies the write-ahead log back into the database file from a thread of its own, twice a
/// second. SQLite would otherwise do it inside whichever commit crosses 1,000 logged pages,
/// and on the writer that holds up every piece waiting for the next batch. A passive
/// checkpoint never blocks the writer or the readers, but under steady writes it never
/// catches up with the end of the log either, so the log would grow for as long as the rush
/// lasts; once it holds more than `largeLog` pages, the next checkpoint holds the write gate
/// for the moment it takes, and the writer's next transaction starts the log afresh.
final class SQLiteCheckpointer: @unchecked Sendable {
    private let condition = NSCondition()
    private var isStopping = false
    private let done = DispatchSemaphore(value: 0)
    static let interval: TimeInterval = 0.5
    /// About 16 MB of 4 KB pages.
    static let largeLog = 4_000

    init(path: String) throws {
        let connection = try SQLiteHandle(path: path)
        let thread = Thread { [self] in
            var logPages = 0
            while waitForNextRound() {
                if logPages > Self.largeLog {
                    SQLiteWriteGate.shared.acquireBlocking()
                    logPages = Self.checkpoint(connection)
                    SQLiteWriteGate.shared.release()
                } else {
                    logPages = Self.checkpoint(connection)
                }
            }
            connection.close()
            done.signal()
        }
        thread.name = "cohort-sqlite-checkpoint"
        thread.start()
    }

    /// Pages in the log, as the checkpoint reports them (0 if it failed).
    private static func checkpoint(_ connection: SQLiteHandle) -> Int {
        let row = try? connection.rows("PRAGMA wal_checkpoint(PASSIVE)", []).first
        return (try? row?.decode(column: "log", as: Int.self)) ?? 0
    }

    /// False once stopping.
    private func waitForNextRound() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !isStopping { _ = condition.wait(until: WallClock.system.now.addingTimeInterval(Self.interval)) }
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
