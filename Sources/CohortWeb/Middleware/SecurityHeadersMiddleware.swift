import Vapor

/// The headers every response carries, errors and redirects included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Taken at start-up: a request still answering after the application stopped must not look it up.
    let secureCookies: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // A download sets a stricter policy of its own (a sandbox): that one stays.
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        let headers = [
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in headers {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if secureCookies {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if Self.isPrivate(request, response) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    /// Anything shown to a signed-in person, an applicant or the holder of a token may hold
    /// personal data, and a page with a CSRF token or one that sets a cookie is for one
    /// browser only: none of these may be kept by a cache.
    static func isPrivate(_ request: Request, _ response: Response) -> Bool {
        // Versioned static files are the same for everyone.
        if response.headers[.cacheControl].first?.contains("immutable") == true { return false }
        return request.authSession != nil || request.cookies[request.cookieJar.applicant] != nil
            || request.headers[.authorization].first != nil || request.carriesCSRFToken
            || !response.cookies.all.isEmpty || request.method != .GET && request.method != .HEAD
    }
}
