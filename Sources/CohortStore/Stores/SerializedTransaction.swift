import FluentKit
import SQLKit

/// SQLite lets one writer in at a time. A transaction that reads and then writes can be
/// refused at once ("database is locked", not retried) when another writer got in between,
/// so on SQLite this process runs its write transactions one after another. Readers are not
/// held up (WAL), and PostgreSQL, which handles concurrent writers itself, is not gated.
extension Database {
    func serializedTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        await SQLiteWriteGate.shared.acquire()
        do {
            let result = try await transaction(body)
            await SQLiteWriteGate.shared.release()
            return result
        } catch {
            await SQLiteWriteGate.shared.release()
            throw error
        }
    }
}

extension Database {
    /// One write statement, outside any transaction, through the same gate on SQLite.
    func serializedStatement<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await body() }
        await SQLiteWriteGate.shared.acquire()
        do {
            let result = try await body()
            await SQLiteWriteGate.shared.release()
            return result
        } catch {
            await SQLiteWriteGate.shared.release()
            throw error
        }
    }
}

/// A first-come, first-served lock for async code.
actor SQLiteWriteGate {
    static let shared = SQLiteWriteGate()
    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
