import Logging

/// Keeps the database's own query logs (which carry the values written: names, emails,
/// private links) out of the log below `trace`, so `COHORT_LOG_LEVEL=debug` stays free of
/// personal data. At `trace` everything is logged, for deliberate debugging only.
struct PrivateLogHandler: LogHandler {
    var wrapped: StreamLogHandler
    static let querySources: Set<String> = ["FluentKit", "SQLKit", "SQLiteNIO", "PostgresNIO", "FluentSQLiteDriver", "FluentPostgresDriver"]

    init(wrapping handler: StreamLogHandler) {
        wrapped = handler
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        if logLevel > .trace, level < .notice, Self.querySources.contains(source) { return }
        wrapped.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
    }
}
