@testable import CohortStore
import CohortTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

/// The SQLite writer: pieces that arrive together share one transaction, each piece stands or
/// falls alone, and every write of the persistence entry point takes it.
@Suite struct SQLiteWriterTests {
    struct Failure: Error {}

    private func withWriter(_ body: (SQLiteWriter, Persistence) async throws -> Void) async throws {
        try await StoreHarness.with(.sqlite) { harness in
            guard let writer = harness.persistence.sqliteWriter else { Issue.record("the SQLite harness has no writer"); return }
            try await (harness.db as! any SQLDatabase).raw("CREATE TABLE writer_test (n INTEGER PRIMARY KEY)").run()
            try await body(writer, harness.persistence)
        }
    }

    /// Read through the pool, which stays open after the writer stops.
    private func numbers(_ db: Persistence) async throws -> [Int] {
        struct Row: Decodable { let n: Int }
        return try await db.dialect.raw("SELECT n FROM writer_test ORDER BY n").all(decoding: Row.self).map(\.n)
    }

    /// Keeps the writer waiting at the gate until `count` pieces have arrived, so they are batched.
    private func holdingTheGate(until count: Int, _ writer: SQLiteWriter, _ work: @escaping @Sendable () async throws -> Void) async throws {
        await SQLiteWriteGate.shared.acquire()
        let running = Task { try await work() }
        while writer.counts.pieces < count { try await Task.sleep(for: .milliseconds(2)) }
        SQLiteWriteGate.shared.release()
        try await running.value
    }

    @Test func piecesThatArriveTogetherShareATransactionAndEachCommitsOnce() async throws {
        try await withWriter { writer, db in
            try await holdingTheGate(until: 100, writer) {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for n in 1...100 {
                        group.addTask { try await writer.perform { sql in try sql.run("INSERT INTO writer_test (n) VALUES (\(bind: n))"); return n } }
                    }
                    var answered: [Int] = []
                    for try await n in group { answered.append(n) }
                    #expect(answered.sorted() == Array(1...100))
                }
            }
            #expect(try await numbers(db) == Array(1...100))
            // At most one piece went ahead alone; the other 99 fit in two batches of 64.
            #expect(writer.counts.batches <= 3)
        }
    }

    @Test func aFailingPieceIsUndoneAndLeavesTheRestOfItsBatch() async throws {
        try await withWriter { writer, db in
            let outcomes = OutcomeBox()
            try await holdingTheGate(until: 3, writer) {
                await withTaskGroup(of: Void.self) { group in
                    for n in 1...3 {
                        group.addTask {
                            do {
                                _ = try await writer.perform { sql in
                                    try sql.run("INSERT INTO writer_test (n) VALUES (\(bind: n))")
                                    if n == 2 { throw Failure() }
                                    return n
                                }
                                outcomes.add("\(n) saved")
                            } catch is Failure {
                                outcomes.add("\(n) failed")
                            } catch {
                                outcomes.add("\(n) other error")
                            }
                        }
                    }
                }
            }
            #expect(outcomes.all.sorted() == ["1 saved", "2 failed", "3 saved"])
            #expect(try await numbers(db) == [1, 3])
        }
    }

    @Test func everyWriteOnAnSQLiteFileGoesThroughTheWriterAndNoneIsRefused() async throws {
        try await withWriter { writer, db in
            let before = writer.counts.pieces
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...40 {
                    if n % 2 == 0 {
                        group.addTask { _ = try await writer.perform { sql in try sql.run("INSERT INTO writer_test (n) VALUES (\(bind: n))") } }
                    } else {
                        // Read, then write, in one transaction: refused outright if another writer got in between.
                        group.addTask {
                            try await db.write { sql in
                                struct Row: Decodable { let c: Int }
                                _ = try sql.first("SELECT count(*) AS c FROM writer_test", decoding: Row.self)
                                try sql.run("INSERT INTO writer_test (n) VALUES (\(bind: n))")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await numbers(db) == Array(1...40))
            // The persistence entry point's writes took the writer too: no second way to the file.
            #expect(writer.counts.pieces - before == 40)
        }
    }

    @Test func theReadingConnectionsSeeWhatWasCommitted() async throws {
        try await withWriter { writer, _ in
            struct Row: Decodable { let n: Int }
            #expect(try await writer.read { sql in try sql.first("SELECT n FROM writer_test", decoding: Row.self)?.n } == nil)
            _ = try await writer.perform { sql in try sql.run("INSERT INTO writer_test (n) VALUES (7)") }
            #expect(try await writer.read { sql in try sql.first("SELECT n FROM writer_test", decoding: Row.self)?.n } == 7)
        }
    }

    @Test func afterShutdownNothingMoreIsTaken() async throws {
        try await withWriter { writer, db in
            _ = try await writer.perform { sql in try sql.run("INSERT INTO writer_test (n) VALUES (1)") }
            writer.shutdown()
            await #expect(throws: WriterError.self) {
                try await writer.perform { sql in try sql.run("INSERT INTO writer_test (n) VALUES (2)") }
            }
            await #expect(throws: WriterError.self) { try await writer.read { sql in try sql.rows("SELECT 1") } }
            #expect(try await numbers(db) == [1])
        }
    }
}

/// The writer's connections and Fluent's pool must use one SQLite library (see `SQLiteHandle.librarySourceID`).
@Suite struct SQLiteLibraryTests {
    @Test func theWriterAndThePoolUseTheSameSQLiteLibrary() async throws {
        try await StoreHarness.with(.sqlite) { harness in
            struct Row: Decodable { let id: String }
            let pool = try await harness.persistence.dialect.raw("SELECT sqlite_source_id() AS id").first(decoding: Row.self)?.id
            let writer = try await harness.persistence.write { sql in try sql.first("SELECT sqlite_source_id() AS id", decoding: Row.self)?.id }
            #expect(pool == SQLiteHandle.librarySourceID)
            #expect(writer == SQLiteHandle.librarySourceID)
        }
    }
}

private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [String] = []
    func add(_ outcome: String) { lock.withLock { outcomes.append(outcome) } }
    var all: [String] { lock.withLock { outcomes } }
}
