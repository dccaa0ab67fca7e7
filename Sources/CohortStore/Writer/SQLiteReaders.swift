import Foundation
import SQLKit

/// Every `Persistence.read` on an SQLite file, on connections of their own, each on its own
/// thread, with statements prepared once: one hand-over per read instead of several per
/// statement through the pool.
final class SQLiteReaders: @unchecked Sendable {
    private let queue = JobQueue()
    private let done = DispatchGroup()
    static let threads = 4

    init(path: String, dialect: any SQLDatabase) throws {
        let connections = try (0..<Self.threads).map { _ in try SQLiteHandle(path: path) }
        for (index, connection) in connections.enumerated() {
            done.enter()
            let thread = Thread { [queue, done] in
                let sql = WriterSQL(connection: connection, dialect: dialect)
                while let jobs = queue.take(upTo: 1) {
                    for job in jobs { job.answer(Result { try job.body(sql) }) }
                }
                connection.close()
                done.leave()
            }
            thread.name = "cohort-sqlite-reader-\(index)"
            thread.start()
        }
    }

    func perform<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        try await queue.perform(body)
    }

    func shutdown() {
        queue.stop()
        done.wait()
    }
}

/// Statements on one of these connections, turned into SQL text by the database's dialect.
struct WriterSQL: SyncSQL {
    let connection: SQLiteHandle
    let dialect: any SQLDatabase

    func rows(_ query: any SQLExpression) throws -> [any SQLRow] {
        var serializer = SQLSerializer(database: dialect)
        query.serialize(to: &serializer)
        return try connection.rows(serializer.sql, serializer.binds)
    }
}
