import Foundation

/// Where the data lives, parsed from `COHORT_DATABASE_URL` or `--database`.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultLocation = DatabaseLocation.sqliteFile(path: "cohort-data/cohort.sqlite")

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Accepts `sqlite:PATH`, `sqlite::memory:` and `postgres://user:pass@host:port/db`
    /// (also `postgresql://`).
    public init(parsing raw: String) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            if path == ":memory:" { self = .sqliteMemory; return }
            guard !path.isEmpty else { throw ParseError(description: "sqlite: needs a file path, like sqlite:cohort-data/cohort.sqlite") }
            self = .sqliteFile(path: path)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty,
                  url.path.count > 1 else {
                throw ParseError(description: "expected postgres://user:password@host:port/database")
            }
            self = .postgres(url: text)
            return
        }
        throw ParseError(description: "expected sqlite:PATH or postgres://user:password@host:port/database")
    }

    /// A form safe for logs and messages: never the password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}
