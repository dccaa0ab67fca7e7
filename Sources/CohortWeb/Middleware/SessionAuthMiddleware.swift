import CohortCore
import CohortStore
import Vapor

/// Finds the signed-in account from the session cookie. Sessions past their idle or
/// absolute timeout, or of a deactivated account, end here.
struct SessionAuthMiddleware: AsyncMiddleware {
    /// Writing last-seen on every request would turn each page view into a write.
    static let touchInterval: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let jar = request.cookieJar
        guard let token = request.cookies[jar.session]?.string, !token.isEmpty else {
            return try await next.respond(to: request)
        }
        var clearCookie = false
        if let session = try await load(token: token, request: request) {
            request.authSession = session
        } else {
            clearCookie = true
        }
        let response = try await next.respond(to: request)
        if clearCookie && response.cookies[jar.session] == nil {
            response.cookies[jar.session] = jar.expired()
        }
        return response
    }

    private func load(token: String, request: Request) async throws -> AuthSession? {
        let sessions = AuthSessionStore(db: request.persistence)
        guard let signedIn = try await sessions.signedIn(tokenHash: SecretToken.hash(token)) else { return nil }
        let stored = signedIn.session
        let now = request.now
        let policy = request.config.session
        let expired = now.timeIntervalSince(stored.lastSeenAt) > policy.idleTimeout
            || now.timeIntervalSince(stored.createdAt) > policy.absoluteTimeout
        guard !expired, let account = signedIn.account, let actor = signedIn.actor else {
            try await sessions.delete(id: stored.id)
            return nil
        }
        if now.timeIntervalSince(stored.lastSeenAt) > Self.touchInterval {
            try await sessions.touch(id: stored.id, now: now)
        }
        return AuthSession(id: stored.id, account: account, actor: actor)
    }
}
