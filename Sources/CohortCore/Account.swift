import Foundation

/// A sign-in identity. The password hash never leaves the store layer.
public struct Account: Hashable, Sendable {
    public var id: UUID
    public var email: String
    public var name: String
    public var platformRole: PlatformRole
    public var isActive: Bool
    /// Set when someone else chose the password (an administrator's one-time password):
    /// until the owner chooses their own, the account reaches only the password page.
    public var mustChangePassword: Bool

    public init(id: UUID, email: String, name: String, platformRole: PlatformRole, isActive: Bool = true, mustChangePassword: Bool = false) {
        self.id = id
        self.email = email
        self.name = name
        self.platformRole = platformRole
        self.isActive = isActive
        self.mustChangePassword = mustChangePassword
    }
}

public struct AccountForm: Sendable, Codable, Equatable {
    public var email: String
    public var name: String
    public var platformRole: String

    public init(email: String = "", name: String = "", platformRole: String = PlatformRole.member.rawValue) {
        self.email = email
        self.name = name
        self.platformRole = platformRole
    }

    public func validated() throws -> (email: String, name: String, role: PlatformRole) {
        var errors = FieldErrorList()
        let email = EmailAddress.normalise(self.email)
        if email.isEmpty {
            errors.add("email", "Enter an email address like name@example.org.")
        } else if !EmailAddress.isValid(email) {
            errors.add("email", "Enter an email address like name@example.org.")
        }
        let name = TextRules.clean(self.name)
        TextRules.requireLine(name, field: "name", label: "the person's name", max: 200, into: &errors)
        let role = PlatformRole(rawValue: platformRole)
        if role == nil { errors.add("platformRole", "Choose administrator or member.") }
        try errors.check()
        return (email, name, role!)
    }
}
