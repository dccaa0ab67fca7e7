import CohortCore
import CohortWeb
import Foundation
import Logging
import Vapor

/// Builds a configured Vapor application for a command, and turns failures into one clear line.
enum AppRunner {
    /// Logging is set up once per process, to stderr, at COHORT_LOG_LEVEL (default info).
    static let bootstrapLogging: Void = {
        let level = ProcessInfo.processInfo.environment["COHORT_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = PrivateLogHandler(wrapping: StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            return handler
        }
    }()

    static func config(_ overrides: CohortConfig.Overrides) throws -> CohortConfig {
        do {
            return try CohortConfig.load(environment: ProcessInfo.processInfo.environment, overrides: overrides)
        } catch let error as ConfigError {
            throw CLIError(error.description)
        }
    }

    /// Runs `body` with a migrated application, always shutting it down.
    static func withApp<T>(_ config: CohortConfig, migrate: Bool = true,
                           _ body: (Application) async throws -> T) async throws -> T {
        _ = bootstrapLogging
        let app = try await Application.make(.production)
        // Until the database answers, failures are reported in one line by CLIError, not
        // also by the connection pool's own log lines.
        let level = app.logger.logLevel
        app.logger.logLevel = .critical
        do {
            try await configure(app, config: config, migrate: migrate)
            app.logger.logLevel = level
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw CLIError.explain(error, config: config)
        }
    }
}

/// A failure the command reports in one line, without a stack trace.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    static func explain(_ error: any Error, config: CohortConfig) -> CLIError {
        if let cli = error as? CLIError { return cli }
        if let config = error as? ConfigError { return CLIError(config.description) }
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return CLIError("port \(config.port) on \(config.hostname) is already in use; choose another with --port")
        }
        if text.contains("onnection refused") || text.contains("connect(descriptor") || text.contains("PSQLError")
            || text.contains("unable to open database") || text.contains("NIOConnectionError") {
            return CLIError("could not use the database at \(config.database): check that it is running and the address is right")
        }
        return CLIError("stopped: \(String(describing: type(of: error))). Run with COHORT_LOG_LEVEL=debug for details.")
    }
}
