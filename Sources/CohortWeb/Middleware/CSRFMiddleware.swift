import Vapor

/// Double-submit CSRF protection for every state-changing form: the hidden `csrf` field
/// must equal the HttpOnly, SameSite CSRF cookie. The JSON API is exempt: it never
/// authenticates by cookie.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf"
    /// Where a page drawn once for every visitor holds the CSRF token; each response gets the
    /// browser's own token in its place (`Request.cachedPublicForm`).
    static let placeholder = "cohort-csrf-placeholder-7c41f0"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.needsCheck(request) {
            let cookie = request.cookies[request.cookieJar.csrf]?.string ?? ""
            var sent = request.headers.first(name: Self.headerName)
            if sent == nil {
                // The route collects the body only after the middleware has run: read the token
                // from a body that has not fully arrived and a long answer looks like a forgery.
                if request.body.data == nil {
                    _ = try await request.body.collect(max: request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize.value).get()
                }
                sent = try? request.content.get(String.self, at: Self.fieldName)
            }
            guard !cookie.isEmpty, SecretToken.constantTimeEquals(cookie, sent ?? "") else {
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

    private struct SharedPageKey: StorageKey { typealias Value = Bool }

    /// True while a page for every visitor is drawn: forms get the placeholder, not this browser's token.
    var drawsSharedPage: Bool {
        get { storage[SharedPageKey.self] ?? false }
        set { storage[SharedPageKey.self] = newValue }
    }

    private struct CarriesCSRFKey: StorageKey { typealias Value = Bool }

    /// True once a form on this response holds the browser's CSRF token: such a page is for
    /// this browser only, and is never stored by a cache.
    var carriesCSRFToken: Bool {
        get { storage[CarriesCSRFKey.self] ?? false }
        set { storage[CarriesCSRFKey.self] = newValue }
    }

    /// The token to put in a form: the cookie's, or a new one that this response sets.
    func csrfToken() -> String {
        if drawsSharedPage { return CSRFMiddleware.placeholder }
        carriesCSRFToken = true
        if let fresh = freshCSRFToken { return fresh }
        if let existing = cookies[cookieJar.csrf]?.string, existing.count >= 32 { return existing }
        let token = SecretToken.make(randomness)
        freshCSRFToken = token
        return token
    }

    /// Rotates the CSRF token, at sign-in and sign-out.
    func rotateCSRFToken() {
        freshCSRFToken = SecretToken.make(randomness)
    }
}

/// A form whose CSRF token is missing or wrong: most often a page left open across a sign-in.
struct FormExpired: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String { "This form has expired or did not come from this site. Go back, reload the page and try again." }
}
