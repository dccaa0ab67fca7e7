import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit
import VaporCSQLite

/// An sqlite3 connection of the writer's (or of one of its readers), used by one thread only,
/// hence `@unchecked Sendable`. Statements run on that thread and are prepared once and kept:
/// the pooled connections hand every statement to a thread pool and back and prepare it anew,
/// which cost more than the statement itself.
final class SQLiteHandle: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private let encoder = SQLiteDataEncoder()

    init(path: String) throws {
        sqlite_nio_sqlite3_initialize()
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK else {
            let error = WriterError(code: opened, message: "could not open the database for writing")
            sqlite_nio_sqlite3_close(handle)
            throw error
        }
        // Another process (a command run beside the server) may hold the write lock for a moment.
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        try execute("PRAGMA journal_mode=WAL")
        // Each piece of a batch runs in a savepoint; its undo pages stay in memory, not a temporary file.
        try execute("PRAGMA temp_store=MEMORY")
    }

    deinit { close() }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        if let handle { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }

    /// Statements without parameters or rows (BEGIN, SAVEPOINT, COMMIT, pragmas), prepared once too.
    func execute(_ sql: String) throws {
        let statement = try prepared(sql)
        let code = sqlite_nio_sqlite3_step(statement)
        sqlite_nio_sqlite3_reset(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw lastError(code) }
    }

    var isInTransaction: Bool { sqlite_nio_sqlite3_get_autocommit(handle) == 0 }

    /// Runs one statement with its values bound and returns its rows.
    func rows(_ sql: String, _ binds: [any Encodable & Sendable]) throws -> [any SQLRow] {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() {
            try bind(try encoder.encode(value), at: Int32(offset + 1), in: statement)
        }
        var names: [String]?
        var rows: [any SQLRow] = []
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw lastError(code) }
            let columns = names ?? (0..<sqlite_nio_sqlite3_column_count(statement)).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            names = columns
            var values: [String: SQLiteData] = [:]
            for (index, name) in columns.enumerated() where values[name] == nil {
                values[name] = data(at: Int32(index), in: statement)
            }
            rows.append(WriterRow(columns: columns, values: values))
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw lastError(code) }
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, in statement: OpaquePointer) throws {
        let code: Int32
        switch value {
        case .blob(let buffer):
            code = buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        case .float(let number): code = sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .integer(let number): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(let text):
            code = sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
        }
        guard code == SQLITE_OK else { throw lastError(code) }
    }

    private func data(at column: Int32, in statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func lastError(_ code: Int32) -> WriterError {
        WriterError(code: code, message: handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "error \(code)")
    }
}

extension SQLiteHandle {
    /// The SQLite library these connections are made with: sqlite-nio's own copy, reached
    /// through its C module `VaporCSQLite`, which that package builds but does not offer as a
    /// product. It must be that copy and no other: Fluent's SQLite driver (the migrations, the
    /// pool) uses it in this same process, and two SQLite libraries in one process do not see
    /// each other's POSIX file locks, so closing a file in one drops the other's locks and the
    /// database can be corrupted. `SQLiteLibraryTests` fails if the two ever differ.
    static var librarySourceID: String { String(cString: sqlite_nio_sqlite3_sourceid()) }
}

/// SQLite's "copy the value now" marker for bound text and blobs.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A statement the writer's connection refused, with SQLite's own message (never the values).
struct WriterError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// A row as `SQLRow`, decoded the way the pooled connections decode theirs.
struct WriterRow: SQLRow {
    let columns: [String]
    let values: [String: SQLiteData]
    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns }
    func contains(column: String) -> Bool { values[column] != nil }
    func decodeNil(column: String) throws -> Bool { (values[column] ?? .null) == .null }
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let value = values[column] else { throw WriterError(code: SQLITE_ERROR, message: "no column \(column)") }
        return try Self.decoder.decode(D.self, from: value)
    }
}
