import CohortCore
import CohortStore
import Vapor

extension Application {
    /// A personal API token for the staff account with this email (`cohort user token`):
    /// the store's workflow, with the server's token maker and clock.
    public func makeAPIToken(email: String, name: String) async throws -> String {
        try await APITokenStore(db: persistence).issue(toEmail: email, name: name, now: wallClock.now, makeToken: { [randomness] in SecretToken.newAPIToken(randomness) })
    }
}
