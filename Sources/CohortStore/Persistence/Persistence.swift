import CohortCore
import FluentKit
import Foundation
import SQLKit

/// The one way to the database, chosen once at start-up from where the data lives and passed
/// to every store. On an SQLite file every write goes through the file's writer (one thread,
/// batched commits) and reads go to its reading connections; on PostgreSQL and an in-memory
/// SQLite both go through the connection pool. Stores write their statements once, against
/// `SyncSQL`, and never learn which of the two runs them.
public final class Persistence: Sendable {
    private let writer: SQLiteWriter?
    private let isSQLite: Bool
    /// A handle on the pool, on one of the event loops: each call may give another loop, so
    /// the work spreads over every loop's connections instead of queueing for one loop's.
    private let database: @Sendable () -> any Database
    /// One handle, for building statements in the database's dialect.
    private let dialectDatabase: any SQLDatabase

    /// `database` gives Fluent's handle on `location` (as the server or a command registered it),
    /// on any event loop. Both drivers Cohort registers speak SQL; this is the one place that asks.
    public init(location: DatabaseLocation, database: @escaping @Sendable () -> any Database) throws {
        let sql = try database().sql()
        self.database = database
        dialectDatabase = sql
        isSQLite = sql.dialect.name == "sqlite"
        if case .sqliteFile(let path) = location {
            // An in-memory database cannot be opened a second time, and PostgreSQL takes concurrent writers itself.
            writer = try SQLiteWriter(path: path, dialect: sql)
        } else {
            writer = nil
        }
    }

    /// Statements outside a transaction: on a reading connection of an SQLite file, else on
    /// one pooled connection. The connection is leased before a waiting thread is taken, never
    /// after: a thread that waited for a connection while every connection waited for a thread
    /// would stop the server (seen on PostgreSQL with parallel sign-ins).
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        if let writer { return try await writer.read(body) }
        let pool = try database().sql()
        return try await pool.withSession { session in
            try await BlockingSQL.pool.runIfActive { try body(BlockingSQL(database: session)) }
        }
    }

    /// One write transaction: all of `body` commits or none of it, and this returns only after
    /// the commit. On an SQLite file it joins the writer's next batch.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SyncSQL) throws -> T) async throws -> T {
        if let writer { return try await writer.perform(body) }
        let pool = try database().sql()
        return try await gated {
            try await pool.withSession { session in
                try await BlockingSQL.pool.runIfActive {
                    let sql = BlockingSQL(database: session)
                    try sql.run("BEGIN")
                    do {
                        let result = try body(sql)
                        try sql.run("COMMIT")
                        return result
                    } catch {
                        try? sql.run("ROLLBACK")
                        throw error
                    }
                }
            }
        }
    }

    /// Builds statements in the database's dialect (the builders need a database; this one never runs them).
    var dialect: any SQLDatabase { dialectDatabase }

    /// SQLite lets one writer in at a time, and a transaction that reads and then writes is
    /// refused at once when another got in between; so this process writes one after another.
    private func gated<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard isSQLite else { return try await body() }
        await SQLiteWriteGate.shared.acquire()
        do {
            let result = try await body()
            SQLiteWriteGate.shared.release()
            return result
        } catch {
            SQLiteWriteGate.shared.release()
            throw error
        }
    }

    /// Writes what is queued, then closes the writer's connections.
    public func shutdown() {
        writer?.shutdown()
    }

    /// The SQLite file's writer, if this database has one (for the writer's own tests).
    var sqliteWriter: SQLiteWriter? { writer }
}

extension Database {
    /// The same database as SQLKit sees it. Both drivers Cohort registers (SQLite, PostgreSQL)
    /// speak SQL; this is the one place that asks, for `Persistence` and the migrations.
    public func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        return sql
    }
}
