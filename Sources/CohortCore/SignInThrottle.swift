/// Slows and limits failed sign-ins without locking the real user out.
///
/// Failures are counted in a sliding window per (account, address) pair, per address
/// and per account. A pair or an address that keeps failing is refused for the rest of
/// the window; an account attacked from many addresses is only slowed down, so its
/// owner can still sign in from their own address.
public struct SignInThrottle: Sendable, Equatable {
    public var windowSeconds: Int = 15 * 60
    public var maxFailuresPerPair: Int = 5
    public var maxFailuresPerAddress: Int = 30
    public var accountFailuresBeforeDelay: Int = 5
    public var maxDelaySeconds: Double = 8

    public init() {}

    public struct Counts: Sendable, Equatable {
        public var pair: Int
        public var address: Int
        public var account: Int

        public init(pair: Int, address: Int, account: Int) {
            self.pair = pair
            self.address = address
            self.account = account
        }
    }

    public enum Decision: Sendable, Equatable {
        /// Check the password, after waiting this long.
        case attempt(delaySeconds: Double)
        /// Do not even check the password; try again later.
        case refuse(retryAfterSeconds: Int)
    }

    public func decide(_ counts: Counts) -> Decision {
        if counts.pair >= maxFailuresPerPair || counts.address >= maxFailuresPerAddress {
            return .refuse(retryAfterSeconds: windowSeconds)
        }
        let excess = counts.account - accountFailuresBeforeDelay
        guard excess >= 0 else { return .attempt(delaySeconds: 0) }
        return .attempt(delaySeconds: min(maxDelaySeconds, 0.25 * Double(1 << min(excess, 10))))
    }
}
