import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// Statements run one after another on the calling thread: the one interface every store
/// writes its SQL against, once, for every database (see `Persistence`).
public protocol SyncSQL {
    func rows(_ query: any SQLExpression) throws -> [any SQLRow]
}

extension SyncSQL {
    public func run(_ query: any SQLExpression) throws { _ = try rows(query) }

    public func first<D: Decodable>(_ query: any SQLExpression, decoding: D.Type) throws -> D? {
        try rows(query).first?.decode(model: D.self, keyDecodingStrategy: .useDefaultKeys)
    }

    // Statements written as text with bound values (`"… WHERE id = \(bind: id)"`).
    public func rows(_ query: SQLQueryString) throws -> [any SQLRow] { try rows(query as any SQLExpression) }
    public func run(_ query: SQLQueryString) throws { _ = try rows(query as any SQLExpression) }
    public func first<D: Decodable>(_ query: SQLQueryString, decoding: D.Type) throws -> D? {
        try first(query as any SQLExpression, decoding: D.self)
    }
}

/// Statements through the pooled connections, waited for on a thread of `pool` (never an event loop).
struct BlockingSQL: SyncSQL {
    let database: any SQLDatabase

    /// Threads that only wait for statements to come back; enough that waiting never queues
    /// for long behind the connection pool. A connection is leased before one of these is
    /// taken, so there must be more of them than connections, with room to spare: with 16,
    /// shared by every database of the process, requests on PostgreSQL under a loaded
    /// two-core machine waited out the pool's timeout holding idle connections. A waiting
    /// thread costs its stack and nothing else.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 64)
        pool.start()
        return pool
    }()

    func rows(_ query: any SQLExpression) throws -> [any SQLRow] {
        let collected = NIOLockedValueBox<[any SQLRow]>([])
        try database.execute(sql: query) { row in collected.withLockedValue { $0.append(row) } }.wait()
        return collected.withLockedValue { $0 }
    }
}
