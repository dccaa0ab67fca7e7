import CohortCore
import CohortStore
import Vapor

/// The public page of a call, starting an application, and the private link that resumes one.
struct CallPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.call, use: show)
        routes.post(.startApplication, use: start)
        routes.get(.resume, use: resume)
    }

    /// The page is the same for every visitor in a language until the call changes or its next
    /// opening or closing, so it is drawn once and kept (with each visitor's own CSRF token).
    func show(req: Request) async throws -> Response {
        let loaded = try await Self.publicCall(req)
        let language = req.applicantLanguage(offered: loaded.call.languages)
        let key = "call:\(loaded.call.id):\(language.rawValue):\(loaded.stamp.key)"
        let response = try await req.cachedPublicForm(key) {
            (try await page(req, loaded, language: language, email: "", emailProblem: nil, status: .ok),
             loaded.call.nextChange(after: req.now))
        }
        response.rememberLanguage(of: req)
        return response
    }

    func start(req: Request) async throws -> Response {
        let loaded = try await Self.publicCall(req)
        let call = loaded.call
        let values = try req.formValues()
        let language = call.language(for: Language(rawValue: values["language"]) ?? req.applicantLanguage(offered: call.languages))
        let words = req.words(language)
        let email = EmailAddress.normalise(values["email"])
        // A call that is not open takes no new drafts, whatever the address: the page says
        // when it opens or when it closed, and offers no form.
        guard call.acceptsSubmission(at: req.now) else {
            return try await page(req, loaded, language: language, email: "", emailProblem: nil, status: .unprocessableEntity)
        }
        guard EmailAddress.isValid(email) else {
            return try await page(req, loaded, language: language, email: values["email"], emailProblem: words("start.emailProblem"),
                                  status: .unprocessableEntity)
        }
        switch try await ApplicationStartWorkflow(request: req).start(loaded, email: email, language: language) {
        case .linkSent:
            // The same page whether or not this address has applied: the link is in the email.
            let view = LinkView(t: WordTable(words, keys: ["sent.heading", "sent.body"], arguments: ["sent.body": ["email": email]]).table,
                                expired: false, newLinkHref: nil)
            return req.applicantPage(.link, title: words("sent.heading"), view, language: language, offered: call.languages)
        case .refused(let seconds, let reason):
            let response = try await page(req, loaded, language: language, email: values["email"],
                                          emailProblem: words(reason == .address ? "start.tooMany" : "start.busy"), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
    }

    /// Opens an application from its private link, then moves to an address without the token.
    func resume(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        guard let (application, _) = try await req.openLink(token: token) else { throw DomainError.notFound("application") }
        let response = req.redirect(to: SiteURL.application(application.id).path, redirectType: .normal)
        response.cookies[req.cookieJar.applicant] = req.cookieJar.value(token)
        response.cookies[req.cookieJar.language] = req.cookieJar.value(application.language.rawValue, maxAge: 365 * 24 * 3600)
        return response
    }

    /// A published call, or 404: drafts are not public.
    static func publicCall(_ req: Request) async throws -> CallStore.Loaded {
        guard let id = req.parameters.get("callID", as: UUID.self), let loaded = try await CallStore(db: req.persistence).load(id),
              loaded.call.isPublished else { throw DomainError.notFound("call") }
        return loaded
    }

    private func page(_ req: Request, _ loaded: CallStore.Loaded, language: Language, email: String, emailProblem: String?,
                      status: HTTPStatus) async throws -> Response {
        let call = loaded.call
        let words = req.words(language)
        let now = req.now
        let status_ = call.status(at: now)
        let program = try await ProgramStore(db: req.persistence).findByID(call.programID)
        var startForm: FormView?
        if call.acceptsSubmission(at: now) {
            var emailField = FormField("email", words("start.email"), value: email, errors: [], hint: words("start.emailHint"))
                .type("email", autocomplete: "email")
            emailField.error = emailProblem
            let languageField = FormField("language", words("start.language"), value: language.rawValue, errors: [])
                .choices(call.languages.map { ($0.rawValue, $0.nativeName) })
            startForm = QuestionFields.form(request: req, action: SiteURL.startApplication(callID: call.id).path,
                                            submit: words("start.button"), secondary: nil,
                                            fields: call.languages.count > 1 ? [emailField, languageField] : [emailField], words: words)
        }
        let notice: String? = switch status_ {
        case .scheduled: words("call.notYetOpen", ["date": words.dateTime(call.opensAt, zone: call.timeZone)])
        case .closed where !call.acceptsSubmission(at: now): words("call.closedOn", ["date": words.dateTime(call.closesAt, zone: call.timeZone)])
        default: nil
        }
        let view = CallPageView(
            t: WordTable(words, keys: ["call.languages", "call.whoMayApply", "call.privacy", "start.heading", "start.intro", "common.sample",
                                       "call.yourTime"]).table,
            title: call.title.text(in: language),
            paragraphs: Self.paragraphs(call.description.text(in: language)),
            deadline: words("call.closes", ["date": words.dateTime(call.closesAt, zone: call.timeZone)]),
            deadlineISO: call.closesAt.formatted(.iso8601), callZone: call.timeZone,
            localTimeScript: req.application.staticAssets.localTimeURL,
            isOpen: startForm != nil, notice: notice,
            languages: call.languages.map(\.nativeName).joined(separator: " · "),
            eligibility: Self.eligibilityLines(loaded.rules, words: words),
            privacy: Self.paragraphs(call.privacyNotice.text(in: language)),
            contact: words("call.contact", ["email": call.contactEmail]),
            startForm: startForm, isSample: program?.isSample ?? false)
        return req.applicantPage(.call, title: view.title, view, language: language, offered: call.languages,
                                 status: status, isError: emailProblem != nil)
    }

    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func eligibilityLines(_ rules: EligibilityRules, words: Words) -> [String] {
        var lines: [String] = []
        if !rules.nationalities.isEmpty {
            lines.append(words("call.nationalities", ["list": rules.nationalities.sorted().map(\.englishName).joined(separator: ", ")]))
        }
        if !rules.residences.isEmpty {
            lines.append(words("call.residences", ["list": rules.residences.sorted().map(\.englishName).joined(separator: ", ")]))
        }
        if !rules.sectors.isEmpty {
            let names = ProfileSection.sectors.filter { option in rules.sectors.contains { $0.rawValue == option.value } }
                .map { $0.label.text(in: words.language) }
            lines.append(words("call.sectors", ["list": names.joined(separator: ", ")]))
        }
        if let years = rules.minimumYearsOfExperience { lines.append(words("call.experience", ["years": "\(years)"])) }
        return lines.isEmpty ? [words("call.everyone")] : lines
    }
}
