import Vapor

/// Double-submit CSRF protection for every state-changing form: the hidden `csrf` field
/// must equal the HttpOnly, SameSite CSRF cookie. The JSON API is exempt: it never
/// authenticates by cookie.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.needsCheck(request) {
            let cookie = request.cookies[request.cookieJar.csrf]?.string ?? ""
            let sent = request.headers.first(name: Self.headerName)
                ?? (try? request.content.get(String.self, at: Self.fieldName)) ?? ""
            guard !cookie.isEmpty, SecretToken.constantTimeEquals(cookie, sent) else {
                throw FormExpired()
            }
        }
        let response = try await next.respond(to: request)
        if let fresh = request.freshCSRFToken {
            response.cookies[request.cookieJar.csrf] = request.cookieJar.value(fresh)
        }
        return response
    }

    static func needsCheck(_ request: Request) -> Bool {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return false }
        return !request.url.path.hasPrefix("/api/")
    }
}

extension Request {
    private struct FreshCSRFKey: StorageKey { typealias Value = String }

    /// A token set on this response, replacing whatever cookie came in.
    var freshCSRFToken: String? {
        get { storage[FreshCSRFKey.self] }
        set { storage[FreshCSRFKey.self] = newValue }
    }

    /// The token to put in a form: the cookie's, or a new one that this response sets.
    func csrfToken() -> String {
        if let fresh = freshCSRFToken { return fresh }
        if let existing = cookies[cookieJar.csrf]?.string, existing.count >= 32 { return existing }
        let token = SecretToken.make()
        freshCSRFToken = token
        return token
    }

    /// Rotates the CSRF token, at sign-in and sign-out.
    func rotateCSRFToken() {
        freshCSRFToken = SecretToken.make()
    }
}

/// A form whose CSRF token is missing or wrong: most often a page left open across a sign-in.
struct FormExpired: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String { "This form has expired or did not come from this site. Go back, reload the page and try again." }
}
