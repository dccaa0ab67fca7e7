import CohortCore
import CohortStore
import Vapor

/// The participant, facilitator or resource person signed in on this browser, found from
/// their session cookie. Sessions past either timeout end here, and the cookie with them.
struct PersonSession: Sendable {
    let id: UUID
    let email: String
}

extension Request {
    /// The signed-in person, or nil; a stale cookie is cleared by `clearsStalePersonCookie`.
    func personSession() async throws -> PersonSession? {
        guard let token = cookies[cookieJar.person]?.string, !token.isEmpty, token.count <= 64 else { return nil }
        let store = PersonAccessStore(db: persistence)
        guard let stored = try await store.session(tokenHash: SecretToken.hash(token)) else { return nil }
        let policy = config.personSession
        if now.timeIntervalSince(stored.lastSeenAt) > policy.idleTimeout || now.timeIntervalSince(stored.createdAt) > policy.absoluteTimeout {
            try await store.endSession(id: stored.id)
            return nil
        }
        if now.timeIntervalSince(stored.lastSeenAt) > SessionAuthMiddleware.touchInterval {
            try await store.touch(sessionID: stored.id, now: now)
        }
        return PersonSession(id: stored.id, email: stored.email)
    }

    /// The signed-in person, or a redirect to the page that sends a sign-in link.
    func requirePerson() async throws -> PersonSession {
        guard let session = try await personSession() else { throw personSignInRedirect() }
        return session
    }

    /// To the sign-in page, which brings the person back here once they are signed in.
    func personSignInRedirect() -> Abort {
        .redirect(to: SiteURL.personSignIn.path + (method == .GET && url.path != SiteURL.me.path ? ReturnPath.query(url.path) : ""))
    }
}
