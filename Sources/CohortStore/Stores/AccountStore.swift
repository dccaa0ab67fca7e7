import CohortCore
import FluentKit
import Foundation

public enum AccountSort: String, CaseIterable, Sendable {
    case name, email, role
}

public struct AccountStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Creates an account; an email already in use is a field error, not a crash.
    /// - Parameter mustChangePassword: true when the password is one somebody else chose.
    public func create(email: String, name: String, passwordHash: String, role: PlatformRole, mustChangePassword: Bool = false) async throws -> Account {
        try await db.modelTransaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).count() > 0 {
                throw ValidationFailure([FieldError("email", "An account with this email address already exists.")])
            }
            let record = AccountRecord(id: UUID(), email: email, name: name, passwordHash: passwordHash, platformRole: role)
            record.mustChangePassword = mustChangePassword
            try await record.create(on: tx)
            return try record.value()
        }
    }

    /// The account and its password hash, for checking a sign-in.
    public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
        guard let record = try await AccountRecord.query(on: db.fluent).filter(\.$email == email).first() else { return nil }
        return (try record.value(), record.passwordHash)
    }

    public func find(_ id: UUID) async throws -> Account? {
        try await AccountRecord.find(id, on: db.fluent)?.value()
    }

    public func all() async throws -> [Account] {
        try await AccountRecord.query(on: db.fluent).sort(\.$name).all().map { try $0.value() }
    }

    public func page(_ request: ListRequest<AccountSort>) async throws -> (items: [Account], total: Int) {
        let query = AccountRecord.query(on: db.fluent)
        let total = try await query.count()
        let direction: DatabaseQuery.Sort.Direction = request.descending ? .descending : .ascending
        switch request.sort {
        case .name: query.sort(\.$name, direction)
        case .email: query.sort(\.$email, direction)
        case .role: query.sort(\.$platformRole, direction).sort(\.$name)
        }
        let records = try await query.range(request.offset..<(request.offset + request.pageSize)).all()
        return (try records.map { try $0.value() }, total)
    }

    /// Changes name, role and whether the account may sign in, and (when given) the organisation
    /// the person works for, which decides reviewers' conflicts; deactivating ends its sessions.
    public func update(id: UUID, name: String, role: PlatformRole, isActive: Bool, organisationID: UUID?? = .none) async throws {
        try await db.modelTransaction { tx in
            guard let record = try await AccountRecord.find(id, on: tx) else { throw DomainError.notFound("account") }
            record.name = name
            record.platformRole = role.rawValue
            record.isActive = isActive
            try await record.update(on: tx)
            if case .some(let organisation) = organisationID {
                try await db.statements(in: tx) { sql in
                    try sql.run("UPDATE accounts SET organisation_id = \(bind: organisation) WHERE id = \(bind: id)")
                }
            }
            if !isActive {
                try await AuthSessionRecord.query(on: tx).filter(\.$accountID == id).delete()
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
    public func setPassword(id: UUID, passwordHash: String, chosenByOwner: Bool = false, keptSession: UUID? = nil) async throws {
        try await db.modelTransaction { tx in
            guard let record = try await AccountRecord.find(id, on: tx) else { throw DomainError.notFound("account") }
            record.passwordHash = passwordHash
            record.mustChangePassword = !chosenByOwner
            try await record.update(on: tx)
            var others = AuthSessionRecord.query(on: tx).filter(\.$accountID == id)
            if let keptSession { others = others.filter(\.$id != keptSession) }
            try await others.delete()
        }
    }

    /// The stored hash of an account, to check its owner's current password.
    public func passwordHash(id: UUID) async throws -> String? {
        try await AccountRecord.find(id, on: db.fluent)?.passwordHash
    }

    /// The account as an actor: its platform role and its roles per program.
    public func actor(_ account: Account) async throws -> Actor {
        let memberships = try await ProgramMembershipRecord.query(on: db.fluent).filter(\.$accountID == account.id).all()
        var roles: [UUID: Set<ProgramRole>] = [:]
        for membership in memberships {
            if let role = ProgramRole(rawValue: membership.role) { roles[membership.programID, default: []].insert(role) }
        }
        return Actor(accountID: account.id, platformRole: account.platformRole, programRoles: roles)
    }

    /// Accounts holding a role in a program, with that role.
    public func members(programID: UUID) async throws -> [(account: Account, role: ProgramRole, membershipID: UUID)] {
        let memberships = try await ProgramMembershipRecord.query(on: db.fluent).filter(\.$programID == programID).all()
        let accounts = try await AccountRecord.query(on: db.fluent).filter(\.$id ~~ Set(memberships.map(\.accountID))).all()
        let byID = Dictionary(uniqueKeysWithValues: try accounts.map { ($0.id!, try $0.value()) })
        return memberships.compactMap { membership in
            guard let account = byID[membership.accountID], let role = ProgramRole(rawValue: membership.role),
                  let id = membership.id else { return nil }
            return (account, role, id)
        }.sorted { ($0.account.name, $0.role.rawValue) < ($1.account.name, $1.role.rawValue) }
    }

    public func addMember(programID: UUID, accountID: UUID, role: ProgramRole) async throws {
        try await db.modelTransaction { tx in
            guard try await AccountRecord.find(accountID, on: tx) != nil else {
                throw ValidationFailure([FieldError("accountID", "Choose an account from the list.")])
            }
            let existing = try await ProgramMembershipRecord.query(on: tx).filter(\.$programID == programID)
                .filter(\.$accountID == accountID).filter(\.$role == role.rawValue).count()
            if existing > 0 {
                throw ValidationFailure([FieldError("accountID", "This account already has that role in the program.")])
            }
            try await ProgramMembershipRecord(programID: programID, accountID: accountID, role: role).create(on: tx)
        }
    }

    public func removeMember(programID: UUID, membershipID: UUID) async throws {
        try await db.modelTransaction { tx in
            let matching = try await ProgramMembershipRecord.query(on: tx).filter(\.$programID == programID)
                .filter(\.$id == membershipID).count()
            guard matching > 0 else { throw DomainError.notFound("role") }
            try await ProgramMembershipRecord.query(on: tx).filter(\.$programID == programID).filter(\.$id == membershipID).delete()
        }
    }
}
