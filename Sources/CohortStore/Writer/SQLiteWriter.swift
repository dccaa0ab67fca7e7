import Foundation
import SQLKit

/// All of a process's applicant writes to one SQLite file, on one thread with one connection.
/// Work that arrives while a transaction is being written waits and then goes in together:
/// one `BEGIN IMMEDIATE … COMMIT` (one sync of the log to disk) for the whole batch, each piece
/// inside its own savepoint so that one failing leaves the others untouched. Nobody hears back
/// before the batch is committed, so nothing acknowledged can be lost.
final class SQLiteWriter: @unchecked Sendable {
    private let connection: SQLiteHandle
    private let dialect: any SQLDatabase
    private let queue = JobQueue()
    private let readers: SQLiteReaders
    private let checkpointer: SQLiteCheckpointer
    private let lock = NSLock()
    private var batches = 0
    private var isShutDown = false
    private let finished = DispatchSemaphore(value: 0)
    /// Bounds the time the first piece of a batch waits for the last.
    static let largestBatch = 64

    /// `dialect` is any SQLite database of the same file: statements are written with SQLKit
    /// and turned into SQL text by its dialect.
    init(path: String, dialect sql: any SQLDatabase) throws {
        guard sql.dialect.name == "sqlite" else { throw WriterError(code: 1, message: "the writer needs an SQLite database") }
        self.dialect = sql
        connection = try SQLiteHandle(path: path)
        // The checkpointer copies the log back; commits on this connection never do it themselves.
        try connection.execute("PRAGMA wal_autocheckpoint=0")
        // When the log starts afresh, a file grown by a rush is cut back to 64 MB.
        try connection.execute("PRAGMA journal_size_limit=67108864")
        readers = try SQLiteReaders(path: path, dialect: sql)
        checkpointer = try SQLiteCheckpointer(path: path)
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "cohort-sqlite-writer"
        thread.start()
    }

    /// Runs `body` in the next batch and answers once that batch is committed.
    func perform<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        try await queue.perform(body)
    }

    /// Runs `body` on one of the reading connections (outside any transaction).
    func read<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        try await readers.perform(body)
    }

    /// How many pieces have arrived and how many transactions were begun for them.
    var counts: (pieces: Int, batches: Int) {
        (queue.receivedSoFar, lock.withLock { batches })
    }

    /// Writes what is queued, then stops the threads and closes the connections.
    func shutdown() {
        guard lock.withLock({ () -> Bool in
            defer { isShutDown = true }
            return !isShutDown
        }) else { return }
        queue.stop()
        finished.wait()
        readers.shutdown()
        checkpointer.shutdown()
    }

    private func run() {
        while let batch = queue.take(upTo: Self.largestBatch) {
            lock.withLock { batches += 1 }
            write(batch)
        }
        connection.close()
        finished.signal()
    }

    private func write(_ batch: [JobQueue.Job]) {
        SQLiteWriteGate.shared.acquireBlocking()
        defer { SQLiteWriteGate.shared.release() }
        let sql = WriterSQL(connection: connection, dialect: dialect)
        var results: [Result<any Sendable, any Error>] = []
        do {
            try connection.execute("BEGIN IMMEDIATE")
            for job in batch {
                try connection.execute("SAVEPOINT piece")
                do {
                    results.append(.success(try job.body(sql)))
                    try connection.execute("RELEASE piece")
                } catch {
                    // An I/O error can end the whole transaction; then nothing in it stands.
                    guard connection.isInTransaction else { throw error }
                    try connection.execute("ROLLBACK TO piece")
                    try connection.execute("RELEASE piece")
                    results.append(.failure(error))
                }
            }
            try connection.execute("COMMIT")
        } catch {
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            results = batch.map { _ in .failure(error) }
        }
        for (job, result) in zip(batch, results) { job.answer(result) }
    }
}
