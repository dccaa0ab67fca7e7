import CohortCore
import CohortStore
import Vapor

/// How participants, facilitators and resource persons sign in: no password, a link by
/// email that works once and soon expires. Whether or not the address is known, the answer
/// is the same, so the form tells nobody who takes part in a program. The link's page only
/// shows a button: spending the link on a GET would let a mail scanner that follows links
/// use it up before the person does.
struct PersonSignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.personSignIn, use: form)
        routes.post(.personSignIn, use: send)
        routes.get(.personLink, use: confirm)
        routes.post(.personLink, use: signIn)
    }

    private var languages: [Language] { Language.allCases }

    /// The page the person was on their way to, carried through the form and the emailed link.
    private func next(_ req: Request, _ values: FormValues? = nil) -> String? {
        ReturnPath.validated(values?["next"] ?? req.query[String.self, at: "next"])
    }

    func form(req: Request) async throws -> Response {
        if try await req.personSession() != nil { return req.redirect(to: next(req) ?? SiteURL.me.path, redirectType: .normal) }
        let words = req.words(req.applicantLanguage(offered: languages))
        let notice = req.query[String.self, at: "out"] != nil ? words("me.signedOut") : nil
        return page(req, words, email: "", next: next(req), problem: nil, notice: notice, status: .ok)
    }

    func send(req: Request) async throws -> Response {
        let values = try req.formValues()
        let language = req.applicantLanguage(offered: languages)
        let words = req.words(language)
        let email = EmailAddress.normalise(values["email"])
        guard EmailAddress.isValid(email) else {
            return page(req, words, email: values["email"], next: next(req, values), problem: words("start.emailProblem"), notice: nil,
                        status: .unprocessableEntity)
        }
        let config = req.config
        let token = SecretToken.make(req.randomness)
        let minutes = Int(config.personLinkLifetime / 60)
        let messages = PersonMessages(catalogs: req.application.catalogs, baseURL: config.baseURL)
        // Keyed apart from application starts and staff sign-in: each has its own limit.
        let requester = ApplicationStore.Starter(addressKey: SecretToken.pseudonym("person-link-address:\(email)", key: config.secretKey),
                                                 clientKey: SecretToken.pseudonym("person-link-client:\(req.clientAddress)", key: config.secretKey))
        let outcome = try await PersonAccessStore(db: req.persistence).requestLink(
            email: email, tokenHash: SecretToken.hash(token), requester: requester, limit: config.startLimit,
            lifetime: config.personLinkLifetime, now: req.now,
            message: { [next = next(req, values)] contact in messages.signInLink(to: contact, token: token, minutes: minutes, next: next) })
        switch outcome {
        case .accepted:
            let view = PersonSignInView(heading: words("sent.heading"), paragraphs: [words("me.sent.body", ["email": email, "minutes": "\(minutes)"])],
                                        notice: nil, form: nil, newLinkHref: nil, newLinkLabel: nil)
            return req.applicantPage(.meSignIn, title: view.heading, view, language: language, offered: languages)
        case .refused(let seconds, let reason):
            let response = page(req, words, email: values["email"], next: next(req, values),
                                problem: words(reason == .address ? "start.tooMany" : "start.busy"), notice: nil, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
    }

    func confirm(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let language = req.applicantLanguage(offered: languages)
        let words = req.words(language)
        guard Self.isWellFormed(token),
              try await PersonAccessStore(db: req.persistence).linkIsLive(tokenHash: SecretToken.hash(token), now: req.now) else {
            return used(req, words)
        }
        let form = QuestionFields.form(request: req, action: SiteURL.personLink(token: token).path + ReturnPath.query(next(req)),
                                       submit: words("me.link.button"),
                                       secondary: nil, fields: [], words: words)
        let view = PersonSignInView(heading: words("me.link.heading"), paragraphs: [words("me.link.body")], notice: nil, form: form,
                                    newLinkHref: nil, newLinkLabel: nil)
        return req.applicantPage(.meSignIn, title: view.heading, view, language: language, offered: languages)
    }

    func signIn(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let words = req.words(req.applicantLanguage(offered: languages))
        let sessionToken = SecretToken.make(req.randomness)
        guard Self.isWellFormed(token),
              let email = try await PersonAccessStore(db: req.persistence).signIn(linkTokenHash: SecretToken.hash(token),
                                                                                  sessionTokenHash: SecretToken.hash(sessionToken), now: req.now)
        else { return used(req, words) }
        // A session that was open on this browser before ends: a new sign-in is a new session.
        if let old = try await req.personSession() { try await PersonAccessStore(db: req.persistence).endSession(id: old.id) }
        let response = req.redirect(to: next(req) ?? SiteURL.me.path, redirectType: .normal)
        response.cookies[req.cookieJar.person] = req.cookieJar.value(sessionToken)
        req.rotateCSRFToken()
        req.logger.info("person signed in", metadata: ["person": "\(SecretToken.pseudonym(email, key: req.config.secretKey).prefix(12))"])
        return response
    }

    /// Tokens Cohort makes are 43 characters of base64url; anything else is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count >= 32 && token.utf8.count <= 64
            && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
    }

    private func used(_ req: Request, _ words: Words) -> Response {
        let minutes = Int(req.config.personLinkLifetime / 60)
        let view = PersonSignInView(heading: words("me.used.heading"), paragraphs: [words("me.used.body", ["minutes": "\(minutes)"])],
                                    notice: nil, form: nil, newLinkHref: SiteURL.personSignIn.path, newLinkLabel: words("expired.button"))
        return req.applicantPage(.meSignIn, title: view.heading, view, language: words.language, offered: languages, status: .gone)
    }

    private func page(_ req: Request, _ words: Words, email: String, next: String?, problem: String?, notice: String?,
                      status: HTTPStatus) -> Response {
        var field = FormField("email", words("start.email"), value: email, errors: []).type("email", autocomplete: "email")
        field.error = problem
        let hidden = next.map { [FormField("next", "", value: $0, errors: []).type("hidden")] } ?? []
        let form = QuestionFields.form(request: req, action: SiteURL.personSignIn.path, submit: words("me.signIn.button"),
                                       secondary: nil, fields: [field] + hidden, words: words)
        let view = PersonSignInView(heading: words("me.signIn.title"), paragraphs: [words("me.signIn.intro")], notice: notice, form: form,
                                    newLinkHref: nil, newLinkLabel: nil)
        return req.applicantPage(.meSignIn, title: view.heading, view, language: words.language, offered: languages, status: status,
                                 isError: problem != nil)
    }
}
