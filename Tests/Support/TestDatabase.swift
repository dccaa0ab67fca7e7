import CohortCore
import CohortStore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The databases a store or web test runs on: SQLite always, PostgreSQL too when
/// COHORT_TEST_POSTGRES_URL names a server (CI sets it).
public enum TestDatabaseKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public static var all: [TestDatabaseKind] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["COHORT_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Runs `body` with a database of its own: a fresh in-memory SQLite, or a new PostgreSQL
    /// database created for this test and dropped after it, so tests can run in parallel.
    public func withLocation<T>(_ body: (DatabaseLocation) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            // A file, as the server keeps it by default (with its writer), in a folder of its own.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-test-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await body(.sqliteFile(path: folder.appendingPathComponent("test.sqlite").path))
        case .postgres:
            guard let base = Self.postgresURL else { fatalError("COHORT_TEST_POSTGRES_URL is not set") }
            let name = "cohort_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await Self.admin(base) { try await $0.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            var parts = URLComponents(string: base)!
            parts.path = "/" + name
            do {
                let result = try await body(.postgres(url: parts.string!))
                try await Self.admin(base) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name)) WITH (FORCE)").run() }
                return result
            } catch {
                try? await Self.admin(base) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name)) WITH (FORCE)").run() }
                throw error
            }
        }
    }

    private static func admin(_ url: String, _ work: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url), as: .psql)
        do {
            try await work(databases.database(logger: Logger(label: "test-admin"), on: MultiThreadedEventLoopGroup.singleton.any()) as! any SQLDatabase)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}

/// A migrated database for store tests, without any web server.
public struct StoreHarness: Sendable {
    public let databases: Databases
    public let migrator: Migrator
    /// The stores' way to the database, as the server builds it (with the writer on SQLite files).
    public let persistence: Persistence
    public var db: any Database {
        databases.database(logger: quietLogger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public static func with<T>(_ kind: TestDatabaseKind, _ body: (StoreHarness) async throws -> T) async throws -> T {
        try await kind.withLocation { location in
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            switch location {
            case .sqliteMemory: databases.use(.sqlite(.memory), as: .sqlite)
            case .sqliteFile(let path): databases.use(.sqlite(.file(path)), as: .sqlite)
            case .postgres(let url): databases.use(try .postgres(url: url), as: .psql)
            }
            let migrations = Migrations()
            migrations.add(CohortMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: quietLogger,
                                    on: MultiThreadedEventLoopGroup.singleton.any())
            do {
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
            } catch {
                await databases.shutdownAsync()
                throw error
            }
            let persistence: Persistence
            do {
                persistence = try Persistence(location: location, database: {
                    databases.database(logger: quietLogger, on: MultiThreadedEventLoopGroup.singleton.any())!
                })
            } catch {
                await databases.shutdownAsync()
                throw error
            }
            let harness = StoreHarness(databases: databases, migrator: migrator, persistence: persistence)
            do {
                let result = try await body(harness)
                persistence.shutdown()
                await databases.shutdownAsync()
                return result
            } catch {
                persistence.shutdown()
                await databases.shutdownAsync()
                throw error
            }
        }
    }
}

/// Tests log warnings and errors only.
public let quietLogger: Logger = {
    var logger = Logger(label: "cohort-test")
    logger.logLevel = .warning
    return logger
}()
