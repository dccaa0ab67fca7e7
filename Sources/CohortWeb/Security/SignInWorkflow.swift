import CohortCore
import CohortStore
import Vapor

/// Checks a sign-in against the throttle and the stored hash, and opens a new session.
struct SignInWorkflow {
    let request: Request

    enum Outcome {
        case signedIn(token: String)
        case wrongCredentials
        case throttled(retryAfterSeconds: Int)
    }

    /// A password guess for an account from this client, counted by the throttle.
    struct Guess {
        let accountKey: String
        let addressKey: String
    }

    /// Records a guess at `email`'s password as a failure, and commits it, before the counts
    /// are read and long before the password is checked: of guesses sent at once, the k-th
    /// to commit sees at least k, so no more than the throttle allows are ever checked.
    /// Waits as long as the throttle says; `refusedForSeconds` is set when the guess must not
    /// be checked at all.
    func guess(email: String) async throws -> (Guess, refusedForSeconds: Int?) {
        let config = request.config
        let guess = Guess(accountKey: SecretToken.pseudonym(email, key: config.secretKey),
                          addressKey: SecretToken.pseudonym(request.clientAddress, key: config.secretKey))
        let failures = SignInFailureStore(db: request.persistence)
        let now = request.now
        try await failures.record(accountKey: guess.accountKey, addressKey: guess.addressKey, at: now)
        let counted = try await failures.counts(accountKey: guess.accountKey, addressKey: guess.addressKey,
                                                since: now.addingTimeInterval(-TimeInterval(config.throttle.windowSeconds)))
        let counts = SignInThrottle.Counts(pair: counted.pair - 1, address: counted.address - 1, account: counted.account - 1)
        switch config.throttle.decide(counts) {
        case .refuse(let retryAfter):
            return (guess, retryAfter)
        case .attempt(let delay):
            if delay > 0 { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
            return (guess, nil)
        }
    }

    /// A right password forgives that pair's failures.
    func forgive(_ guess: Guess) async throws {
        try await SignInFailureStore(db: request.persistence).clear(accountKey: guess.accountKey, addressKey: guess.addressKey)
    }

    func attempt(email rawEmail: String, password: String) async throws -> Outcome {
        let email = EmailAddress.normalise(rawEmail)
        let now = request.now
        let (guess, refused) = try await guess(email: email)
        if let refused { return .throttled(retryAfterSeconds: refused) }
        let hasher = request.passwordHasher
        // An address no account can have is not looked up (PostgreSQL refuses a NUL in text),
        // but costs the same time as one that is.
        let credentials = EmailAddress.isValid(email) ? try await AccountStore(db: request.persistence).credentials(email: email) : nil
        let verified: Bool = try await request.application.threadPool.runIfActive {
            guard let credentials else {
                hasher.verifyAgainstNothing(password)
                return false
            }
            return hasher.verify(password, hash: credentials.passwordHash)
        }
        guard verified, let account = credentials?.account, account.isActive else {
            return .wrongCredentials
        }
        try await forgive(guess)
        let token = SecretToken.make(request.randomness)
        let sessions = AuthSessionStore(db: request.persistence)
        // A new session at every sign-in: a token planted before sign-in is worth nothing after.
        if let old = request.authSession { try await sessions.delete(id: old.id) }
        try await sessions.create(tokenHash: SecretToken.hash(token), accountID: account.id, now: now)
        request.logger.info("sign-in succeeded", metadata: ["account": "\(account.id)"])
        return .signedIn(token: token)
    }
}

extension Request {
    /// The client's address: from the proxy's header when one is configured (the last entry,
    /// which the proxy itself appended; earlier ones are whatever the client sent), else the peer.
    var clientAddress: String {
        if let name = config.clientAddressHeader, let value = headers.first(name: name),
           let last = value.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return last
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
