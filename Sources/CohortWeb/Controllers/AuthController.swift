import CohortCore
import CohortStore
import Vapor

struct AuthController: RouteCollection {
    struct SignInInput: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    struct SignInView: Sendable {
        let form: FormView
        let problem: String?
        /// Participants, facilitators and resource persons sign in with a link instead.
        var personSignInHref = SiteURL.personSignIn.path
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.signIn, use: showSignIn)
        routes.post(.signIn, use: signIn)
        routes.post(.signOut, use: signOut)
    }

    func showSignIn(req: Request) async throws -> Response {
        let next = SiteURL.safeNext(req.query[String.self, at: "next"])
        return signInPage(req, email: "", next: next, problem: nil, status: .ok)
    }

    func signIn(req: Request) async throws -> Response {
        let input = try req.content.decode(SignInInput.self)
        let email = input.email ?? "", password = input.password ?? ""
        let next = SiteURL.safeNext(input.next)
        if email.isEmpty || password.isEmpty {
            return signInPage(req, email: email, next: next, status: .unprocessableEntity, errors: [
                email.isEmpty ? FieldError("email", "Enter your email address.") : nil,
                password.isEmpty ? FieldError("password", "Enter your password.") : nil,
            ].compactMap { $0 })
        }
        switch try await SignInWorkflow(request: req).attempt(email: email, password: password) {
        case .throttled(let retryAfter):
            throw RequestProblem.tooManySignIns(retryAfterSeconds: retryAfter)
        case .wrongCredentials:
            return signInPage(req, email: email, next: next,
                              problem: "The email address or the password is not right. Check both and try again.",
                              status: .unauthorized)
        case .signedIn(let token):
            let response = req.redirect(to: next ?? SiteURL.staffHome.path, redirectType: .normal)
            response.cookies[req.cookieJar.session] = req.cookieJar.value(token)
            req.rotateCSRFToken()
            return response
        }
    }

    func signOut(req: Request) async throws -> Response {
        if let session = req.authSession {
            try await AuthSessionStore(db: req.persistence).delete(id: session.id)
        }
        let response = req.redirect(.home, flash: .signedOut)
        response.cookies[req.cookieJar.session] = req.cookieJar.expired()
        req.rotateCSRFToken()
        return response
    }

    private func signInPage(_ req: Request, email: String, next: String?, problem: String? = nil,
                            status: HTTPStatus, errors: [FieldError] = []) -> Response {
        var fields = [
            FormField("email", "Email address", value: email, errors: errors).type("email", autocomplete: "username"),
            FormField("password", "Password", value: "", errors: errors).type("password", autocomplete: "current-password"),
        ]
        if let next { fields.append(FormField("next", "", value: next, errors: []).type("hidden")) }
        let form = FormView(request: req, action: SiteURL.signIn(next: nil).path, submitLabel: "Sign in", fields: fields)
        return req.page(.signIn, title: "Sign in", SignInView(form: form, problem: problem), status: status,
                        isError: problem != nil || !errors.isEmpty)
    }
}
