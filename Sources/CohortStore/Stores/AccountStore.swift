import CohortCore
import Foundation
import SQLKit

public enum AccountSort: String, CaseIterable, Sendable {
    case name, email, role
}

public struct AccountStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Creates an account; an email already in use is a field error, not a crash.
    /// - Parameter mustChangePassword: true when the password is one somebody else chose.
    public func create(email: String, name: String, passwordHash: String, role: PlatformRole, mustChangePassword: Bool = false,
                       now: Date) async throws -> Account {
        try await db.write { sql in
            struct Found: Decodable { let id: UUID }
            if try sql.first("SELECT id FROM accounts WHERE email = \(bind: email)", decoding: Found.self) != nil {
                throw FieldRefusal(.emailInUse)
            }
            let account = Account(id: UUID(), email: email, name: name, platformRole: role, isActive: true, mustChangePassword: mustChangePassword)
            try AccountSQL.insert(account, passwordHash: passwordHash, now: now, on: sql)
            return account
        }
    }

    /// The account and its password hash, for checking a sign-in.
    public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
        try await db.read { sql in
            try sql.rows("SELECT \(unsafeRaw: AccountSQL.columns), password_hash FROM accounts WHERE email = \(bind: email)").first.map {
                (try AccountSQL.decode($0), try $0.decode(column: "password_hash", as: String.self))
            }
        }
    }

    public func find(_ id: UUID) async throws -> Account? {
        try await db.read { sql in try AccountSQL.find(id, on: sql) }
    }

    /// By name.
    public func all() async throws -> [Account] {
        try await db.read { sql in
            try sql.rows("SELECT \(unsafeRaw: AccountSQL.columns) FROM accounts ORDER BY name, id").map(AccountSQL.decode)
        }
    }

    public func page(_ request: ListRequest<AccountSort>) async throws -> (items: [Account], total: Int) {
        let direction = request.descending ? "DESC" : "ASC"
        // From the enum only, never from the request's text.
        let order = switch request.sort {
        case .name: "name \(direction), id"
        case .email: "email \(direction), id"
        case .role: "platform_role \(direction), name, id"
        }
        struct Count: Decodable { let n: Int }
        return try await db.read { sql in
            let total = try sql.first("SELECT COUNT(*) AS n FROM accounts", decoding: Count.self)?.n ?? 0
            let items = try sql.rows("""
                SELECT \(unsafeRaw: AccountSQL.columns) FROM accounts ORDER BY \(unsafeRaw: order)
                LIMIT \(bind: request.pageSize) OFFSET \(bind: request.offset)
                """).map(AccountSQL.decode)
            return (items, total)
        }
    }

    /// Changes name, role and whether the account may sign in, and (when given) the organisation
    /// the person works for, which decides reviewers' conflicts; deactivating ends its sessions.
    public func update(id: UUID, name: String, role: PlatformRole, isActive: Bool, organisationID: UUID?? = .none, now: Date) async throws {
        try await db.write { sql in
            let updated = try sql.rows("""
                UPDATE accounts SET name = \(bind: name), platform_role = \(bind: role.rawValue), is_active = \(bind: isActive),
                       updated_at = \(bind: now)
                WHERE id = \(bind: id) RETURNING id
                """)
            guard !updated.isEmpty else { throw DomainError.notFound("account") }
            if case .some(let organisation) = organisationID {
                try sql.run("UPDATE accounts SET organisation_id = \(bind: organisation) WHERE id = \(bind: id)")
            }
            if !isActive {
                try sql.run("DELETE FROM auth_sessions WHERE account_id = \(bind: id)")
            }
        }
    }

    /// The organisation the person works for, if recorded.
    public func organisationID(of accountID: UUID) async throws -> UUID? {
        struct Row: Decodable { let organisation_id: UUID? }
        return try await db.read { sql in
            try sql.first("SELECT organisation_id FROM accounts WHERE id = \(bind: accountID)", decoding: Row.self)?.organisation_id
        }
    }

    /// Sets a new password hash and signs the account out everywhere but in `keptSession`.
    /// - Parameter chosenByOwner: false for a password an administrator set, which the owner
    ///   must change at their next sign-in.
    public func setPassword(id: UUID, passwordHash: String, chosenByOwner: Bool = false, keptSession: UUID? = nil, now: Date) async throws {
        try await db.write { sql in
            let updated = try sql.rows("""
                UPDATE accounts SET password_hash = \(bind: passwordHash), must_change_password = \(bind: !chosenByOwner),
                       updated_at = \(bind: now)
                WHERE id = \(bind: id) RETURNING id
                """)
            guard !updated.isEmpty else { throw DomainError.notFound("account") }
            if let keptSession {
                try sql.run("DELETE FROM auth_sessions WHERE account_id = \(bind: id) AND id <> \(bind: keptSession)")
            } else {
                try sql.run("DELETE FROM auth_sessions WHERE account_id = \(bind: id)")
            }
        }
    }

    /// The stored hash of an account, to check its owner's current password.
    public func passwordHash(id: UUID) async throws -> String? {
        struct Row: Decodable { let password_hash: String }
        return try await db.read { sql in
            try sql.first("SELECT password_hash FROM accounts WHERE id = \(bind: id)", decoding: Row.self)?.password_hash
        }
    }

    /// The account as an actor: its platform role and its roles per program.
    public func actor(_ account: Account) async throws -> Actor {
        try await db.read { sql in try AccountSQL.actor(of: account, on: sql) }
    }

    /// Accounts holding a role in a program, with that role, by name.
    public func members(programID: UUID) async throws -> [(account: Account, role: ProgramRole, membershipID: UUID)] {
        try await db.read { sql in
            try sql.rows("""
                SELECT \(unsafeRaw: AccountSQL.qualifiedColumns), m.id AS membership_id, m.role AS membership_role
                FROM program_memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.program_id = \(bind: programID)
                """).map { row in
                (try AccountSQL.decode(row), try stored(try row.decode(column: "membership_role", as: String.self), table: "program_memberships",
                                                       column: "role") as ProgramRole,
                 try row.decode(column: "membership_id", as: UUID.self))
            }.sorted { ($0.0.name, $0.1.rawValue) < ($1.0.name, $1.1.rawValue) }
        }
    }

    public func addMember(programID: UUID, accountID: UUID, role: ProgramRole) async throws {
        struct Found: Decodable { let id: UUID }
        try await db.write { sql in
            guard try AccountSQL.find(accountID, on: sql) != nil else {
                throw FieldRefusal(.accountNotListed)
            }
            if try sql.first("""
                SELECT id FROM program_memberships WHERE program_id = \(bind: programID) AND account_id = \(bind: accountID) \
                AND role = \(bind: role.rawValue)
                """, decoding: Found.self) != nil {
                throw FieldRefusal(.roleAlreadyHeld)
            }
            try AccountSQL.addMembership(programID: programID, accountID: accountID, role: role, on: sql)
        }
    }

    public func removeMember(programID: UUID, membershipID: UUID) async throws {
        try await db.write { sql in
            let removed = try sql.rows("""
                DELETE FROM program_memberships WHERE program_id = \(bind: programID) AND id = \(bind: membershipID) RETURNING id
                """)
            guard !removed.isEmpty else { throw DomainError.notFound("role") }
        }
    }
}

/// The `accounts` row as every read of this store takes it (never the password hash unless asked).
enum AccountSQL {
    static let columns = "id, email, name, platform_role, is_active, must_change_password"
    static let qualifiedColumns = "a.id, a.email, a.name, a.platform_role, a.is_active, a.must_change_password"

    struct Row: Decodable {
        let id: UUID
        let email: String
        let name: String
        let platform_role: String
        let is_active: Bool
        let must_change_password: Bool
    }

    static func decode(_ row: any SQLRow) throws -> Account {
        let row = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
        return Account(id: row.id, email: row.email, name: row.name,
                       platformRole: try stored(row.platform_role, table: "accounts", column: "platform_role"),
                       isActive: row.is_active, mustChangePassword: row.must_change_password)
    }

    static func find(_ id: UUID, on sql: any SyncSQL) throws -> Account? {
        try sql.rows("SELECT \(unsafeRaw: columns) FROM accounts WHERE id = \(bind: id)").first.map(decode)
    }

    static func actor(of account: Account, on sql: any SyncSQL) throws -> Actor {
        struct Row: Decodable { let program_id: UUID; let role: String }
        var roles: [UUID: Set<ProgramRole>] = [:]
        for row in try sql.rows("SELECT program_id, role FROM program_memberships WHERE account_id = \(bind: account.id)") {
            let membership = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
            roles[membership.program_id, default: []].insert(try stored(membership.role, table: "program_memberships", column: "role"))
        }
        return Actor(accountID: account.id, platformRole: account.platformRole, programRoles: roles)
    }

    static func insert(_ account: Account, passwordHash: String, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO accounts (id, email, name, password_hash, platform_role, is_active, must_change_password, created_at, updated_at)
            VALUES (\(bind: account.id), \(bind: account.email), \(bind: account.name), \(bind: passwordHash),
                    \(bind: account.platformRole.rawValue), \(bind: account.isActive), \(bind: account.mustChangePassword),
                    \(bind: now), \(bind: now))
            """)
    }

    static func addMembership(programID: UUID, accountID: UUID, role: ProgramRole, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO program_memberships (id, program_id, account_id, role)
            VALUES (\(bind: UUID()), \(bind: programID), \(bind: accountID), \(bind: role.rawValue))
            """)
    }
}
