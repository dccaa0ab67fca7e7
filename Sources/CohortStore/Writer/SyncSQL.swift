import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// Statements run one after another on the calling thread, inside a write transaction.
/// The applicant's hot paths are written against this, once, for every database.
protocol SyncSQL {
    func rows(_ query: SQLQueryString) throws -> [any SQLRow]
}

extension SyncSQL {
    func run(_ query: SQLQueryString) throws { _ = try rows(query) }

    func first<D: Decodable>(_ query: SQLQueryString, decoding: D.Type) throws -> D? {
        try rows(query).first?.decode(model: D.self, keyDecodingStrategy: .useDefaultKeys)
    }
}

extension Database {
    /// A write transaction whose body runs synchronously. On an SQLite file with a writer
    /// (a request of the server) it joins the writer's next batch; anywhere else (PostgreSQL,
    /// an in-memory database, commands) it is an ordinary transaction whose statements the
    /// body waits for on a thread kept for such waiting.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        if let writer = sqliteWriter { return try await writer.perform(body) }
        return try await serializedTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw StoreError.corrupt("database without SQL") }
            return try await BlockingSQL.pool.runIfActive { try body(BlockingSQL(database: sql)) }
        }
    }
}

extension Database {
    /// The writer bound to the current request, when this database is SQLite (it has one writer per process).
    private var sqliteWriter: SQLiteWriter? {
        guard let writer = SQLiteWriter.current, let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        return writer
    }

    /// Reads outside a transaction, run synchronously: on one of the SQLite writer's reading
    /// connections during a request, else through the pool, waited for on a thread kept for it.
    func readNow<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        if let writer = sqliteWriter { return try await writer.read(body) }
        guard let sql = self as? any SQLDatabase else { throw StoreError.corrupt("database without SQL") }
        return try await BlockingSQL.pool.runIfActive { try body(BlockingSQL(database: sql)) }
    }
}

/// Statements through the pooled connections, waited for on a thread of `pool` (never an event loop).
struct BlockingSQL: SyncSQL {
    let database: any SQLDatabase

    /// Threads that only wait for statements to come back; enough that waiting never queues
    /// for long behind the connection pool.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    func rows(_ query: SQLQueryString) throws -> [any SQLRow] {
        let collected = NIOLockedValueBox<[any SQLRow]>([])
        try database.execute(sql: query) { row in collected.withLockedValue { $0.append(row) } }.wait()
        return collected.withLockedValue { $0 }
    }
}
