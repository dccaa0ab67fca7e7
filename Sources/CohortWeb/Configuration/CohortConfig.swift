import CohortCore
import Foundation

/// Everything Cohort reads from its environment, checked once at start-up.
public struct CohortConfig: Sendable {
    public var database: DatabaseLocation
    public var hostname: String
    public var port: Int
    public var baseURL: URL
    /// Keys the HMACs that pseudonymise sign-in throttling; several instances must share it.
    public var secretKey: [UInt8]
    /// Cookies carry `Secure` and the `__Host-` prefix; off only for plain HTTP on a loopback address.
    public var secureCookies: Bool
    /// bcrypt work factor; tests lower it so the suite stays fast.
    public var bcryptCost: Int
    public var session: SessionPolicy
    public var mailTransport: MailTransport = .log
    /// Behind a reverse proxy every request comes from the proxy's address; this names the
    /// header in which the proxy passes on the client's (X-Forwarded-For, X-Real-IP).
    public var clientAddressHeader: String?
    public var mailFrom: String = "Cohort <no-reply@localhost>"
    public var throttle: SignInThrottle
    public var startLimit = StartLimit()
    /// How long an applicant's private link keeps working unused (each use renews it).
    public var applicantLinkLifetime: TimeInterval = 90 * 24 * 60 * 60
    /// The fewest responses an anonymous or paired survey shows figures for, and the smallest
    /// group any breakdown shows (`COHORT_SMALL_CELL_THRESHOLD`).
    public var smallCellThreshold = SmallCells.defaultThreshold
    /// How long a participant's sign-in link works (once): long enough for a slow inbox.
    public var personLinkLifetime: TimeInterval = 60 * 60
    /// Participants' sessions: a workshop week without signing in again each morning, but
    /// not for ever on a phone that may be shared.
    public var personSession = SessionPolicy(idleTimeout: 3 * 24 * 60 * 60, absoluteTimeout: 14 * 24 * 60 * 60)

    public struct SessionPolicy: Sendable {
        public var idleTimeout: TimeInterval = 60 * 60
        public var absoluteTimeout: TimeInterval = 12 * 60 * 60
        public init() {}

        public init(idleTimeout: TimeInterval, absoluteTimeout: TimeInterval) {
            self.idleTimeout = idleTimeout
            self.absoluteTimeout = absoluteTimeout
        }
    }

    public init(database: DatabaseLocation, hostname: String = "127.0.0.1", port: Int = 8080, baseURL: URL? = nil,
                secretKey: [UInt8], secureCookies: Bool, bcryptCost: Int = 12) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.baseURL = baseURL ?? URL(string: "http://\(hostname):\(port)")!
        self.secretKey = secretKey
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.session = SessionPolicy()
        self.throttle = SignInThrottle()
    }

    /// A configuration for tests: in-memory SQLite unless a database is given, plain-HTTP cookies, cheap hashing.
    public static func testing(database: DatabaseLocation = .sqliteMemory) -> CohortConfig {
        CohortConfig(database: database, secretKey: Array(repeating: 7, count: 32), secureCookies: false, bcryptCost: 4)
    }
}

/// A configuration value that cannot be used, naming the variable or flag to fix.
public struct ConfigError: Error, CustomStringConvertible {
    public let variable: String
    public let problem: String

    public init(_ variable: String, _ problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "\(variable): \(problem)" }
}
