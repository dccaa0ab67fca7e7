import CohortCore
import CohortStore
import Vapor

/// A staff member changes their own password: the current one is required, and every other
/// session of the account ends. An account whose password an administrator set comes here
/// first and can reach nothing else until it is done.
struct OwnPasswordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.ownPassword, use: show)
        routes.post(.ownPassword, use: change)
    }

    func show(req: Request) async throws -> Response {
        let session = try req.requireSession()
        return page(req, session: session, errors: [], status: .ok)
    }

    func change(req: Request) async throws -> Response {
        let session = try req.requireSession()
        let values = try req.formValues()
        let current = values["current"], new = values["password"]
        var errors = PasswordPolicy.problems(new, field: "password")
        if new != values["confirm"] { errors.append(FieldError("confirm", "Type the same new password twice.")) }
        if !current.isEmpty, current == new { errors.append(FieldError("password", "Choose a password other than the one you have now.")) }
        // The current password is a guess like a sign-in's, counted by the same throttle: a
        // session left open on a shared computer must not become a way to find the password.
        let workflow = SignInWorkflow(request: req)
        let (guess, refused) = try await workflow.guess(email: EmailAddress.normalise(session.account.email))
        if let refused {
            let response = page(req, session: session, errors: [FieldError("current", "Too many wrong passwords. Try again in \(refused / 60) minutes.")],
                                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(refused)")
            return response
        }
        let hasher = req.passwordHasher
        let stored = try await AccountStore(db: req.persistence).passwordHash(id: session.account.id) ?? ""
        let verified = try await req.application.threadPool.runIfActive { hasher.verify(current, hash: stored) }
        if verified { try await workflow.forgive(guess) } else {
            errors.insert(FieldError("current", "Enter your current password as you typed it to sign in."), at: 0)
        }
        guard errors.isEmpty else { return page(req, session: session, errors: errors, status: .unprocessableEntity) }
        let hash = try await req.application.threadPool.runIfActive { try hasher.hash(new) }
        try await AccountStore(db: req.persistence).setPassword(id: session.account.id, passwordHash: hash, chosenByOwner: true, keptSession: session.id, now: req.now)
        req.logger.info("password changed by its owner", metadata: ["account": "\(session.account.id)"])
        return req.redirect(.staffHome, flash: .ownPasswordChanged)
    }

    private func page(_ req: Request, session: AuthSession, errors: [FieldError], status: HTTPStatus) -> Response {
        let fields = [
            FormField("current", "Current password", value: "", errors: errors).type("password", autocomplete: "current-password"),
            FormField("password", "New password", value: "", errors: errors,
                      hint: "At least \(PasswordPolicy.minimumLength) characters. A few unrelated words are easy to remember and hard to guess.")
                .type("password", autocomplete: "new-password"),
            FormField("confirm", "New password again", value: "", errors: errors).type("password", autocomplete: "new-password"),
        ]
        let intro = session.account.mustChangePassword
            ? "Your password was set by an administrator, who knows it. Choose your own before you go on."
            : "You stay signed in here; every other place you are signed in is signed out."
        let view = StaffFormView(heading: "Change your password", intro: intro,
                                 form: FormView(request: req, action: SiteURL.ownPassword.path, submitLabel: "Change password", fields: fields))
        return req.page(.staffForm, title: "Change your password", view, status: status, isError: !errors.isEmpty)
    }
}
