import Foundation

/// Work handed from tasks to the database threads: a queue that a thread waits on, and that
/// refuses new work once it is stopping (what is queued by then is still done).
final class JobQueue: @unchecked Sendable {
    /// One piece of work on a connection, and whom to tell how it went.
    struct Job {
        let body: (any SyncSQL) throws -> any Sendable
        let answer: (Result<any Sendable, any Error>) -> Void
    }

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var isStopping = false
    private var received = 0

    /// Queues `body` and waits for its answer.
    func perform<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(body: { sql in try body(sql) }, answer: { result in continuation.resume(with: result.map { $0 as! T }) })
            condition.lock()
            guard !isStopping else {
                condition.unlock()
                continuation.resume(throwing: WriterError(code: 1, message: "the server is stopping"))
                return
            }
            jobs.append(job)
            received += 1
            condition.signal()
            condition.unlock()
        }
    }

    /// Up to `limit` jobs, waiting for the first; nil once stopping and empty.
    func take(upTo limit: Int) -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !isStopping { condition.wait() }
        if jobs.isEmpty { return nil }
        let taken = Array(jobs.prefix(limit))
        jobs.removeFirst(taken.count)
        return taken
    }

    func stop() {
        condition.lock()
        isStopping = true
        condition.broadcast()
        condition.unlock()
    }

    var receivedSoFar: Int {
        condition.lock()
        defer { condition.unlock() }
        return received
    }
}
