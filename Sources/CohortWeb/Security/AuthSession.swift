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

    /// The signed-in actor, or a redirect to sign in that comes back here afterwards.
    func requireActor() throws -> Actor {
        guard let actor else {
            let next = url.path + (url.query.map { "?" + $0 } ?? "")
            throw Abort.redirect(to: SiteURL.signIn(next: method == .GET ? next : nil).path)
        }
        return actor
    }

    /// The actor, if the policy grants the action; otherwise 403 (or sign-in when nobody is signed in).
    @discardableResult
    func authorize(_ action: StaffAction) throws -> Actor {
        let actor = try requireActor()
        guard AccessPolicy.allows(actor, action) else { throw DomainError.forbidden }
        return actor
    }
}
