import CohortCore
import NIOConcurrencyHelpers
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
        _ = verify(password, hash: standInHash)
    }

    /// Makes the stand-in hash now, at start-up, so that the first miss is not slower either.
    func prepare() { _ = standInHash }

    /// Made once per cost and kept: making it is itself a bcrypt run, so making it on every
    /// miss would make an unknown address take twice as long as a wrong password.
    var standInHash: String {
        Self.dummyHashes.withLockedValue { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = (try? Bcrypt.hash(SecretToken.make(.system), cost: cost)) ?? ""
            hashes[cost] = hash
            return hash
        }
    }

    private static let dummyHashes = NIOLockedValueBox<[Int: String]>([:])
}

extension Request {
    var passwordHasher: PasswordHasher { PasswordHasher(cost: config.bcryptCost) }
}

extension Application {
    public func hashPassword(_ password: String) throws -> String {
        try PasswordHasher(cost: cohortConfig.bcryptCost).hash(password)
    }
}
