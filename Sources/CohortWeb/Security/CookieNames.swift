import Vapor

/// Cookie names and attributes. With secure cookies the `__Host-` prefix makes the browser
/// refuse any copy set by a subdomain or over plain HTTP.
struct CookieJar {
    let secure: Bool

    var session: String { secure ? "__Host-cohort-session" : "cohort-session" }
    var csrf: String { secure ? "__Host-cohort-csrf" : "cohort-csrf" }
    var flash: String { secure ? "__Host-cohort-flash" : "cohort-flash" }
    var language: String { secure ? "__Host-cohort-lang" : "cohort-lang" }
    /// The private link's token of the application this browser is working on.
    var applicant: String { secure ? "__Host-cohort-applicant" : "cohort-applicant" }
    /// The session of a participant, facilitator or resource person, opened by a sign-in link.
    var person: String { secure ? "__Host-cohort-person" : "cohort-person" }

    func value(_ string: String, maxAge: Int? = nil) -> HTTPCookies.Value {
        HTTPCookies.Value(string: string, expires: nil, maxAge: maxAge, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    func expired() -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    var cookieJar: CookieJar { CookieJar(secure: config.secureCookies) }
}
