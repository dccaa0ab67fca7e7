/// Limits how often applications can be started, so that nobody can fill a call with drafts
/// or flood a person's inbox with links.
///
/// Every start of an application is counted in a sliding hour, per address (the email it
/// names, across every call) and per client (where the request came from). The counts are
/// of attempts, not of applications: whether the address has applied before makes no
/// difference to the answer, so the limit tells nobody who applied.
public struct StartLimit: Sendable, Equatable {
    public var windowSeconds: Int = 60 * 60
    /// Link emails one address receives in the window.
    public var perAddress: Int = 3
    /// Starts one client makes in the window (a shared connection in an NGO office or a
    /// community centre sends many people's starts).
    public var perClient: Int = 30

    public init() {}

    public struct Counts: Sendable, Equatable {
        /// Earlier starts in the window, this one included.
        public var address: Int
        public var client: Int

        public init(address: Int, client: Int) {
            self.address = address
            self.client = client
        }
    }

    /// Which count went over: the person's inbox, or the connection they share.
    public enum Reason: Sendable, Equatable {
        case address
        case client
    }

    public enum Decision: Sendable, Equatable {
        case start
        /// Neither a draft nor an email; try again after this long.
        case refuse(retryAfterSeconds: Int, reason: Reason)
    }

    /// `counts` include the attempt being decided, recorded before it was counted, so that
    /// parallel starts cannot all see a count below the limit.
    public func decide(_ counts: Counts) -> Decision {
        if counts.address > perAddress { return .refuse(retryAfterSeconds: windowSeconds, reason: .address) }
        if counts.client > perClient { return .refuse(retryAfterSeconds: windowSeconds, reason: .client) }
        return .start
    }
}
