import CohortCore
import Foundation

extension CohortConfig {
    /// Values given as command-line flags; each overrides its `COHORT_` variable.
    public struct Overrides: Sendable {
        public var database: String?
        public var hostname: String?
        public var port: Int?

        public init(database: String? = nil, hostname: String? = nil, port: Int? = nil) {
            self.database = database
            self.hostname = hostname
            self.port = port
        }
    }

    /// Reads `COHORT_DATABASE_URL`, `COHORT_HOSTNAME`, `COHORT_PORT`, `COHORT_BASE_URL`,
    /// `COHORT_SECRET_KEY`, `COHORT_INSECURE_COOKIES`, `COHORT_BCRYPT_COST`, `COHORT_MAIL_TRANSPORT`
    /// `COHORT_MAIL_FROM`, `COHORT_CLIENT_ADDRESS_HEADER`, `COHORT_APPLICANT_LINK_DAYS`,
    /// `COHORT_STARTS_PER_ADDRESS`, `COHORT_STARTS_PER_CLIENT` and `COHORT_SMALL_CELL_THRESHOLD`.
    public static func load(environment env: [String: String], overrides: Overrides = .init()) throws -> CohortConfig {
        let database: DatabaseLocation
        do {
            if let raw = overrides.database ?? env["COHORT_DATABASE_URL"], !raw.isEmpty {
                database = try DatabaseLocation(parsing: raw)
            } else {
                database = .defaultLocation
            }
        } catch let error as DatabaseLocation.ParseError {
            throw ConfigError(overrides.database != nil ? "--database" : "COHORT_DATABASE_URL", error.description)
        }
        let hostname = overrides.hostname ?? env["COHORT_HOSTNAME"] ?? "127.0.0.1"
        var port = 8080
        if let override = overrides.port {
            port = override
        } else if let raw = env["COHORT_PORT"] {
            guard let value = Int(raw), (1...65535).contains(value) else {
                throw ConfigError("COHORT_PORT", "expected a port number from 1 to 65535, got \(raw)")
            }
            port = value
        }
        guard (1...65535).contains(port) else { throw ConfigError("--port", "expected a port number from 1 to 65535") }
        let baseURL = try parseBaseURL(env["COHORT_BASE_URL"], hostname: hostname, port: port)
        let secure = try cookieSecurity(baseURL: baseURL, insecureFlag: env["COHORT_INSECURE_COOKIES"])
        let secret = try secretKey(env["COHORT_SECRET_KEY"], database: database)
        var cost = 12
        if let raw = env["COHORT_BCRYPT_COST"] {
            guard let value = Int(raw), (4...16).contains(value) else {
                throw ConfigError("COHORT_BCRYPT_COST", "expected a whole number from 4 to 16")
            }
            cost = value
        }
        var config = CohortConfig(database: database, hostname: hostname, port: port, baseURL: baseURL,
                                  secretKey: secret, secureCookies: secure, bcryptCost: cost)
        config.mailTransport = try MailTransport(parsing: env["COHORT_MAIL_TRANSPORT"])
        if let from = env["COHORT_MAIL_FROM"], !from.isEmpty { config.mailFrom = from }
        if let header = env["COHORT_CLIENT_ADDRESS_HEADER"], !header.isEmpty { config.clientAddressHeader = header }
        if let raw = env["COHORT_APPLICANT_LINK_DAYS"], !raw.isEmpty {
            guard let days = Int(raw), (1...3650).contains(days) else {
                throw ConfigError("COHORT_APPLICANT_LINK_DAYS", "expected a whole number of days from 1 to 3650")
            }
            config.applicantLinkLifetime = TimeInterval(days) * 24 * 60 * 60
        }
        if let raw = env["COHORT_SMALL_CELL_THRESHOLD"], !raw.isEmpty {
            // Below 3 a single answer could be worked out from a group of two and one's own.
            guard let threshold = Int(raw), (3...100).contains(threshold) else {
                throw ConfigError("COHORT_SMALL_CELL_THRESHOLD", "expected a whole number of responses from 3 to 100")
            }
            config.smallCellThreshold = threshold
        }
        for (name, path) in [("COHORT_STARTS_PER_ADDRESS", \StartLimit.perAddress), ("COHORT_STARTS_PER_CLIENT", \StartLimit.perClient)] {
            guard let raw = env[name], !raw.isEmpty else { continue }
            guard let count = Int(raw), (1...1_000_000).contains(count) else {
                throw ConfigError(name, "expected a whole number of starts an hour from 1 to 1000000")
            }
            config.startLimit[keyPath: path] = count
        }
        return config
    }

    static func parseBaseURL(_ raw: String?, hostname: String, port: Int) throws -> URL {
        guard let raw, !raw.isEmpty else {
            let host = hostname == "0.0.0.0" || hostname == "::" ? "127.0.0.1" : hostname
            return URL(string: "http://\(host):\(port)")!
        }
        guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ConfigError("COHORT_BASE_URL", "expected an address like https://cohort.example.org")
        }
        return url
    }

    /// HTTPS gets secure cookies. Plain HTTP is accepted on a loopback address (a newcomer's
    /// first run), or anywhere when COHORT_INSECURE_COOKIES=true says so explicitly.
    static func cookieSecurity(baseURL: URL, insecureFlag: String?) throws -> Bool {
        if baseURL.scheme == "https" { return insecureFlag == "true" ? false : true }
        if insecureFlag == "true" { return false }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"]
        if let host = baseURL.host, loopback.contains(host) { return false }
        throw ConfigError("COHORT_BASE_URL", "is plain http on a public address; use https, or set COHORT_INSECURE_COOKIES=true to accept cookies without Secure")
    }

    static func secretKey(_ raw: String?, database: DatabaseLocation) throws -> [UInt8] {
        if let raw, !raw.isEmpty {
            guard raw.utf8.count >= 32 else {
                throw ConfigError("COHORT_SECRET_KEY", "must be at least 32 characters (try: openssl rand -hex 32)")
            }
            return Array(raw.utf8)
        }
        switch database {
        case .sqliteMemory:
            return Randomness.system.bytes(32)
        case .sqliteFile(let path):
            return try SecretKeyFile.loadOrCreate(beside: path)
        case .postgres:
            throw ConfigError("COHORT_SECRET_KEY", "must be set when using PostgreSQL, the same on every instance (try: openssl rand -hex 32)")
        }
    }
}
