import CohortCore
import FluentKit
import Foundation

final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "platform_role") var platformRole: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID, email: String, name: String, passwordHash: String, platformRole: PlatformRole) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.platformRole = platformRole.rawValue
        self.isActive = true
        self.mustChangePassword = false
    }

    func value() throws -> Account {
        Account(id: try requireID(), email: email, name: name,
                platformRole: try stored(platformRole, table: Self.schema, column: "platform_role"), isActive: isActive,
                mustChangePassword: mustChangePassword)
    }
}

final class ProgramMembershipRecord: Model, @unchecked Sendable {
    static let schema = "program_memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "role") var role: String

    init() {}

    init(programID: UUID, accountID: UUID, role: ProgramRole) {
        self.programID = programID
        self.accountID = accountID
        self.role = role.rawValue
    }
}
