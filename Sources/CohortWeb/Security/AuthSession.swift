import CohortCore
import Vapor

/// The signed-in account of a request, found by `SessionAuthMiddleware`.
struct AuthSession: Sendable {
    let id: UUID
    let account: Account
    let actor: Actor
}

extension Request {
    private struct AuthSessionKey: StorageKey { typealias Value = AuthSession }

    var authSession: AuthSession? {
        get { storage[AuthSessionKey.self] }
        set { storage[AuthSessionKey.self] = newValue }
    }

    var actor: Actor? { authSession?.actor }

    /// The signed-in actor, or a redirect to sign in that comes back here afterwards. An
    /// account whose password someone else chose reaches nothing until its owner has chosen
    /// their own: every staff page passes through here, so that holds everywhere.
    func requireActor() throws -> Actor {
        let session = try requireSession()
        if session.account.mustChangePassword { throw Abort.redirect(to: SiteURL.ownPassword.path) }
        return session.actor
    }

    /// The signed-in session, whether or not its password must change first.
    func requireSession() throws -> AuthSession {
        guard let authSession else {
            let next = url.path + (url.query.map { "?" + $0 } ?? "")
            throw Abort.redirect(to: SiteURL.signIn(next: method == .GET ? next : nil).path)
        }
        return authSession
    }

    /// The actor, if the policy grants the action; otherwise 403 (or sign-in when nobody is signed in).
    @discardableResult
    func authorize(_ action: StaffAction) throws -> Actor {
        let actor = try requireActor()
        guard AccessPolicy.allows(actor, action) else { throw DomainError.forbidden }
        return actor
    }
}
