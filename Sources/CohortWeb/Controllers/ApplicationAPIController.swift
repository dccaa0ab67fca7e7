import CohortCore
import CohortStore
import Vapor

/// The applicant JSON API, for offline-capable clients and integrations. An application is
/// opened with its private link's token as a bearer token; never with a cookie, so no CSRF.
struct ApplicationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.apiCalls, use: openCalls)
        routes.get(.apiCall, use: call)
        routes.post(.apiCallApplications, use: start)
        routes.get(.apiOwnApplication, use: own)
        routes.get(.apiApplication, use: read)
        routes.patch(.apiApplication, use: save)
        routes.post(.apiApplicationSubmit, use: submit)
        routes.postLarge(.apiApplicationFiles, maxBytes: FileCheck.absoluteMaxBytes + 1_048_576, use: upload)
    }

    func openCalls(req: Request) async throws -> Response {
        let calls = try await CallStore(db: req.persistence).openCalls(at: req.now)
        var items: [APICalls.Summary] = []
        for call in calls {
            guard let program = try await ProgramStore(db: req.persistence).findByID(call.programID) else { continue }
            items.append(APICalls.Summary(call, programSlug: program.slug))
        }
        return try API.json(APICalls.List(calls: items))
    }

    func call(req: Request) async throws -> Response {
        let loaded = try await CallPageController.publicCall(req)
        guard let program = try await ProgramStore(db: req.persistence).findByID(loaded.call.programID) else { throw DomainError.notFound("call") }
        return try API.json(APICalls.Detail(loaded, programSlug: program.slug, now: req.now))
    }

    func start(req: Request) async throws -> Response {
        let loaded = try await CallPageController.publicCall(req)
        let body = try req.content.decode(APICalls.StartRequest.self)
        let email = EmailAddress.normalise(body.email)
        guard EmailAddress.isValid(email) else {
            return try API.json(APICalls.Errors(request: req, fields: [.init(field: "email", message: "Enter an email address like name@example.org.")]),
                                status: .unprocessableEntity)
        }
        guard loaded.call.acceptsSubmission(at: req.now) else {
            throw RequestProblem.callNotTakingApplications
        }
        let language = loaded.call.language(for: body.language.flatMap(Language.init(rawValue:)))
        switch try await ApplicationStartWorkflow(request: req).start(loaded, email: email, language: language) {
        case .linkSent:
            // The same answer whether or not the address has applied; the token is only ever in the email.
            return try API.json(APICalls.Started(linkSentByEmail: true), status: .accepted)
        case .refused(let seconds, let reason):
            let message = reason == .address
                ? "Several links have already been sent to this address in the last hour. Use the newest one, or try again in an hour."
                : "Many applications have been started from this client in the last hour. Try again in an hour."
            let response = try API.json(APICalls.Errors(request: req, fields: [.init(field: "email", message: message)]), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
    }

    /// The application the bearer token opens: a client that has only the emailed link's
    /// token learns the application's id (and everything else) here.
    func own(req: Request) async throws -> Response {
        let token = try Self.bearerToken(req)
        guard let (application, _) = try await req.openLink(token: token) else {
            throw RequestProblem.applicationNotFoundForToken
        }
        return try API.json(APICalls.ApplicationBody(application, problems: [:]))
    }

    func read(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        return try API.json(APICalls.ApplicationBody(context.application, problems: [:]))
    }

    func save(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let body = APICalls.SaveRequest(answers: try Self.answers(req))
        guard context.application.isEditable(call: context.call, at: req.now) else {
            throw RequestProblem.applicationLocked
        }
        let known = Set(context.form.questions.map(\.key))
        let unknown = body.answers.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            return try API.json(APICalls.Errors(request: req, fields: unknown.map { .init(field: $0, message: "This form has no question with this key.") }),
                                status: .unprocessableEntity)
        }
        let fileKeys = Set(context.form.questions.filter { $0.type == .file }.map(\.key))
        let filesAsAnswers = body.answers.keys.filter(fileKeys.contains).sorted()
        guard filesAsAnswers.isEmpty else {
            return try API.json(APICalls.Errors(request: req, fields: filesAsAnswers.map {
                .init(field: $0, message: "Answer a file question by uploading the file to /api/v1/applications/{id}/files.")
            }), status: .unprocessableEntity)
        }
        let saved = try await ApplicationStore(db: req.persistence).save(context.application, answers: body.answers, rules: context.rules, now: req.now)
        let problems = AnswerValidator.problems(saved.answers, questions: context.form.questions.filter { body.answers[$0.key] != nil })
        return try API.json(APICalls.ApplicationBody(saved, problems: problems.mapValues { Words(catalogs: req.application.catalogs, language: saved.language).problem($0) }))
    }

    /// A file for a file question: multipart with the fields `question` (its key) and `file`.
    /// The file's kind is read from its content; a new upload for a question replaces the last.
    func upload(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        guard context.application.isEditable(call: context.call, at: req.now) else {
            throw RequestProblem.applicationLocked
        }
        guard req.headers.contentType?.subType == "form-data" else {
            throw RequestProblem.fileNotMultipart
        }
        let submission = try req.formSubmission()
        let key = submission.values["question"]
        guard let question = context.form.question(key), question.type == .file else {
            return try API.json(APICalls.Errors(request: req, fields: [.init(field: "question", message: key.isEmpty
                ? "Name the file question in the field question." : "This form has no file question with this key.")]),
                status: .unprocessableEntity)
        }
        guard let part = submission.files["file"] else {
            return try API.json(APICalls.Errors(request: req, fields: [.init(field: "file", message: "Send the file in the field file.")]),
                                status: .unprocessableEntity)
        }
        let words = Words(catalogs: req.application.catalogs, language: context.application.language)
        switch FileUploads.accept(part, for: question) {
        case .failure(let refusal):
            let status: HTTPStatus = if case .tooLarge = refusal.problem { .payloadTooLarge } else { .unprocessableEntity }
            return try API.json(APICalls.Errors(request: req, fields: [.init(field: "file", message: words.fileProblem(refusal.problem))]), status: status)
        case .success(let accepted):
            let stored = try await FileStore(db: req.persistence).attach(applicationID: context.application.id, questionKey: question.key,
                                                                fileName: accepted.name, kind: accepted.kind, bytes: part.bytes, now: req.now)
            return try API.json(APICalls.FileBody(stored.file), status: .created)
        }
    }

    /// Idempotent: submitting an application twice answers with the same reference, whether
    /// or not the retry carries the same `Idempotency-Key`.
    func submit(req: Request) async throws -> Response {
        let key = try Self.idempotencyKey(req)
        let context = try await Self.context(req)
        let application = context.application
        let words = Words(catalogs: req.application.catalogs, language: application.language)
        switch SubmissionCheck.check(application, call: context.call, form: context.form, at: req.now) {
        case .alreadySubmitted:
            return try API.json(APICalls.Submitted(reference: application.reference ?? "", submittedAt: application.submittedAt ?? req.now))
        case .withdrawn:
            throw DomainError.conflict(.applicationWithdrawn)
        case .closed(let at):
            throw RequestProblem.callClosed(at: at)
        case .notYetOpen:
            throw RequestProblem.callNotOpenYet
        case .incomplete(let problems):
            return try API.json(APICalls.Errors(request: req, fields: problems.sorted { $0.key < $1.key }.map { .init(field: $0.key, message: words.problem($0.value)) }),
                                status: .unprocessableEntity)
        case .ready:
            let messages = ApplicantMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL)
            let token = context.token
            let submitted = try await ApplicationStore(db: req.persistence).submit(id: application.id, now: req.now, key: key) {
                messages.receipt(for: $0, token: token)
            }
            return try API.json(APICalls.Submitted(reference: submitted.reference ?? "", submittedAt: submitted.submittedAt ?? req.now))
        }
    }

    /// The answers of a save, read straight from a JSON body (three of every application's six
    /// requests are saves); any other content type is decoded as before.
    static func answers(_ req: Request) throws -> [String: Answer] {
        guard req.headers.contentType == .json, let body = req.body.data else {
            return try req.content.decode(APICalls.SaveRequest.self).answers
        }
        do {
            guard let answers = try AnswersJSON.decodeMember("answers", in: Array(body.readableBytesView)) else {
                throw RequestProblem.answersNotAnObject
            }
            return answers
        } catch let malformed as AnswersJSON.Malformed {
            throw RequestProblem.malformedJSON(malformed.description)
        }
    }

    /// The `Idempotency-Key` header, if sent: 1 to 255 visible ASCII characters.
    static func idempotencyKey(_ req: Request) throws -> String? {
        guard let key = req.headers.first(name: "Idempotency-Key") else { return nil }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline && $0.asciiValue! >= 0x21 }) else {
            throw RequestProblem.idempotencyKeyInvalid
        }
        return key
    }

    /// The private link's token sent as a bearer token, or 401.
    static func bearerToken(_ req: Request) throws -> String {
        guard let token = req.headers.bearerAuthorization?.token else {
            throw RequestProblem.applicationTokenMissing
        }
        return token
    }

    /// The application named in the address, opened by the bearer token; 404 for anything else.
    static func context(_ req: Request) async throws -> OpenedApplication {
        let token = try Self.bearerToken(req)
        guard let opened = try await req.openApplication(token: token) else {
            throw RequestProblem.applicationNotFoundForToken
        }
        return opened
    }
}
