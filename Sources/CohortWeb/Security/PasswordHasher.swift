import CohortCore
import Vapor

/// bcrypt over `PasswordPolicy.prehash`, so bcrypt's 72-byte limit never truncates a password.
struct PasswordHasher: Sendable {
    let cost: Int

    func hash(_ password: String) throws -> String {
        try Bcrypt.hash(PasswordPolicy.prehash(password), cost: cost)
    }

    func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(PasswordPolicy.prehash(password), created: hash)) ?? false
    }

    /// Spends the same time as a real check when there is no account, so timing does not
    /// tell which email addresses have accounts.
    func verifyAgainstNothing(_ password: String) {
        _ = verify(password, hash: dummyHash)
    }

    private var dummyHash: String {
        // A fixed hash at this cost of a random value nobody knows.
        (try? Bcrypt.hash("no account has this password \(cost)", cost: cost)) ?? ""
    }
}

extension Request {
    var passwordHasher: PasswordHasher { PasswordHasher(cost: config.bcryptCost) }
}

extension Application {
    public func hashPassword(_ password: String) throws -> String {
        try PasswordHasher(cost: cohortConfig.bcryptCost).hash(password)
    }
}
