import FluentKit
import Foundation
import SQLKit

/// All of a process's applicant writes to one SQLite file, on one thread with one connection.
/// Work that arrives while a transaction is being written waits and then goes in together:
/// one `BEGIN IMMEDIATE … COMMIT` (one sync of the log to disk) for the whole batch, each piece
/// inside its own savepoint so that one failing leaves the others untouched. Nobody hears back
/// before the batch is committed, so nothing acknowledged can be lost.
public final class SQLiteWriter: @unchecked Sendable {
    /// The writer of the database the current request works on, if that database has one.
    @TaskLocal public static var current: SQLiteWriter?

    private let connection: SQLiteHandle
    private let dialect: any SQLDatabase
    private let condition = NSCondition()
    private var queue: [WriterJob] = []
    private var isStopping = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    /// Pieces taken and transactions written so far (read by tests, under `condition`).
    private(set) var piecesReceived = 0
    private(set) var batchesWritten = 0
    /// Bounds the time the first piece of a batch waits for the last.
    static let largestBatch = 64

    /// `dialect` is any SQLite database of the same file: statements are written with SQLKit
    /// and turned into SQL text by its dialect.
    public init(path: String, dialect: any Database) throws {
        guard let sql = dialect as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            throw WriterError(code: 1, message: "the writer needs an SQLite database")
        }
        self.dialect = sql
        connection = try SQLiteHandle(path: path)
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "cohort-sqlite-writer"
        self.thread = thread
        thread.start()
    }

    /// Runs `body` in the next batch and answers once that batch is committed.
    func perform<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = WriterJob(body: { sql in try body(sql) }, answer: { result in
                continuation.resume(with: result.map { $0 as! T })
            })
            condition.lock()
            guard !isStopping else {
                condition.unlock()
                continuation.resume(throwing: WriterError(code: 1, message: "the server is stopping"))
                return
            }
            queue.append(job)
            piecesReceived += 1
            condition.signal()
            condition.unlock()
        }
    }

    /// How many pieces have arrived and how many transactions were begun for them.
    var counts: (pieces: Int, batches: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (piecesReceived, batchesWritten)
    }

    /// Writes what is queued, then stops the thread and closes the connection.
    public func shutdown() {
        condition.lock()
        let wasRunning = !isStopping
        isStopping = true
        condition.signal()
        condition.unlock()
        if wasRunning { finished.wait() }
    }

    private func run() {
        while let batch = nextBatch() {
            write(batch)
        }
        connection.close()
        finished.signal()
    }

    private func nextBatch() -> [WriterJob]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isStopping { condition.wait() }
        if queue.isEmpty { return nil }
        let batch = Array(queue.prefix(Self.largestBatch))
        queue.removeFirst(batch.count)
        batchesWritten += 1
        return batch
    }

    private func write(_ batch: [WriterJob]) {
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

/// One piece of work for the writer and whom to tell how it went.
private struct WriterJob {
    let body: (any SyncSQL) throws -> any Sendable
    let answer: (Result<any Sendable, any Error>) -> Void
}

/// Statements on the writer's connection, turned into SQL text by the database's dialect.
private struct WriterSQL: SyncSQL {
    let connection: SQLiteHandle
    let dialect: any SQLDatabase

    func rows(_ query: SQLQueryString) throws -> [any SQLRow] {
        var serializer = SQLSerializer(database: dialect)
        query.serialize(to: &serializer)
        return try connection.rows(serializer.sql, serializer.binds)
    }
}
