import CohortCore
import CohortStore
import Vapor

/// The pages of a signed-in participant, facilitator or resource person: their home, the
/// name for their certificates, their calendar address, the full agenda of their programs,
/// and signing out. Everything is found from their address, never from an id in the request,
/// so nobody reaches another person's records by changing one.
struct MeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.me, use: home)
        routes.post(.meName, use: saveName)
        routes.post(.meCalendar, use: renewCalendar)
        routes.post(.meSignOut, use: signOut)
        routes.get(.meAgenda, use: agenda)
        routes.get(.personFeed, use: feed)
    }

    /// The signed-in person's roles, and the language their pages are in: the one they chose
    /// on the page's switcher, else the one their messages are written in.
    struct Context {
        let session: PersonSession
        let enrolments: [PersonAccessStore.Enrolled]
        let language: Language
    }

    static func context(_ req: Request) async throws -> Context {
        let session = try await req.requirePerson()
        let enrolments = try await PersonAccessStore(db: req.persistence).enrolments(email: session.email)
        let chosen = req.query[String.self, at: "lang"] != nil || req.cookies[req.cookieJar.language] != nil
        let language = chosen || enrolments.isEmpty ? req.applicantLanguage(offered: Language.allCases) : enrolments[0].language
        return Context(session: session, enrolments: enrolments, language: language)
    }

    func home(req: Request) async throws -> Response {
        try await home(req, checkInCode: "", problem: nil, status: .ok)
    }

    /// The home page, with what was typed into the check-in form and the catalog key of its problem, if any.
    func home(_ req: Request, checkInCode: String, problem: String?, status: HTTPStatus) async throws -> Response {
        let context = try await Self.context(req)
        let words = req.words(context.language)
        let notice: String? = switch req.query[String.self, at: "done"] {
        case "name": words("me.home.name.saved")
        case "calendar": words("me.home.calendar.renewed")
        case "checkIn": words("me.checkIn.done")
        default: nil
        }
        return try await page(req, context, name: Self.certificateName(context.enrolments), problem: nil, notice: notice,
                              checkIn: (checkInCode, problem.map { words($0) }), status: status)
    }

    func saveName(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let values = try req.formValues()
        guard let name = CertificateName.validated(values["certificateName"]) else {
            let words = req.words(context.language)
            return try await page(req, context, name: values["certificateName"], problem: words("me.home.name.problem"), notice: nil,
                                  checkIn: ("", nil), status: .unprocessableEntity)
        }
        try await PersonAccessStore(db: req.persistence).setCertificateName(email: context.session.email, name: name)
        return req.redirect(to: SiteURL.me.path + "?done=name", redirectType: .normal)
    }

    func renewCalendar(req: Request) async throws -> Response {
        let session = try await req.requirePerson()
        let key = req.config.secretKey
        _ = try await PersonAccessStore(db: req.persistence).renewFeed(email: session.email, now: req.now,
                                                                     tokenHash: { SecretToken.hash(Self.feedToken($0, key: key)) })
        return req.redirect(to: SiteURL.me.path + "?done=calendar", redirectType: .normal)
    }

    func signOut(req: Request) async throws -> Response {
        if let session = try await req.personSession() { try await PersonAccessStore(db: req.persistence).endSession(id: session.id) }
        let response = req.redirect(to: SiteURL.personSignIn.path + "?out=1", redirectType: .normal)
        response.cookies[req.cookieJar.person] = req.cookieJar.expired()
        req.rotateCSRFToken()
        return response
    }

    /// The full agenda of one of the person's programs: public and participants' sessions, and
    /// the ones they speak in. Not found for a program they are not in.
    func agenda(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let slug = try req.parameters.require("slug")
        let people = Set(context.enrolments.filter { $0.programSlug == slug }.map(\.personID))
        guard !people.isEmpty, let agenda = try await Self.agenda(req, slug: slug, people: people) else { throw DomainError.notFound("program") }
        let feed = try await feedURL(req, email: context.session.email)
        var view = AgendaView(program: agenda.program, modules: agenda.modules, published: agenda.published, audience: agenda.audience,
                              language: context.language, feedHref: feed)
        let published = agenda.published.versions.values.flatMap { $0.entries.map(\.session) }
        view.coDesign = try await CoDesign.statement(req, programID: agenda.program.id, published: published)
        // Those who run the sessions see what participants asked for, beside the agenda.
        if context.enrolments.contains(where: { $0.programSlug == slug && ($0.role == .facilitator || $0.role == .resourcePerson) }) {
            view.needs = try await CoDesign.needLines(req, programID: agenda.program.id, published: published)
        }
        return req.page(.agenda, title: "Agenda: \(agenda.program.title)", view)
    }

    /// The person's own calendar: every session they may see in every program they are in.
    /// The address is the only key, so it answers the same "not found" for a revoked one as for one that never was.
    func feed(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        guard token.utf8.count == 64, token.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
              let email = try await PersonAccessStore(db: req.persistence).feedOwner(tokenHash: SecretToken.hash(token)) else {
            throw DomainError.notFound("calendar")
        }
        let enrolments = try await PersonAccessStore(db: req.persistence).enrolments(email: email)
        let language = enrolments.first?.language ?? .english
        var events: [ICalendar.Event] = []
        for (slug, people) in Self.programs(enrolments) {
            guard let agenda = try await Self.agenda(req, slug: slug, people: people) else { continue }
            events += AgendaFeed.calendar(name: agenda.program.title, modules: agenda.modules, published: agenda.published,
                                          audience: agenda.audience, language: language, host: req.config.baseURL.host ?? "cohort").events
        }
        let response = AgendaController.calendarResponse(ICalendar(name: "Cohort: your sessions", events: events), filename: "sessions.ics")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    // MARK: Shared

    private func page(_ req: Request, _ context: Context, name: String, problem: String?, notice: String?,
                      checkIn: (code: String, problem: String?), status: HTTPStatus) async throws -> Response {
        let words = req.words(context.language)
        let now = req.now
        var next: [MeView.SessionLine] = []
        var speaking: [MeView.SessionLine] = []
        var programs: [MeView.ProgramLine] = []
        var upcoming: [(Date, MeView.SessionLine)] = []
        var sessionRuns = false
        var modules: [UUID: (program: String, module: ProgramModule)] = [:]
        for (slug, people) in Self.programs(context.enrolments) {
            let roles = context.enrolments.filter { $0.programSlug == slug }
            programs.append(MeView.ProgramLine(title: roles[0].programTitle,
                                               roles: roles.map { words("me.role.\($0.role.rawValue)") }.joined(separator: ", "),
                                               agendaHref: SiteURL.meAgenda(slug: slug).path))
            guard let agenda = try await Self.agenda(req, slug: slug, people: people) else { continue }
            for module in agenda.modules { modules[module.id] = (agenda.program.title, module) }
            let participates = roles.contains { $0.role == .participant }
            for item in agenda.items {
                if item.session.end > now && !item.session.isCancelled { upcoming.append((item.session.start, agenda.line(item, language: context.language))) }
                if agenda.audience.speaks(in: item.session) { speaking.append(agenda.line(item, language: context.language, checkInList: true)) }
                if participates && CheckIn.isOpen(item.session, at: now) && item.session.visibility != .staff { sessionRuns = true }
            }
        }
        next = upcoming.sorted { $0.0 < $1.0 }.prefix(5).map(\.1)
        let certificates = try await CertificateStore(db: req.persistence).person(email: context.session.email).compactMap { certificate in
            modules[certificate.moduleID].map { found in
                MeView.CertificateLine(title: "\(found.program): Module \(found.module.number), \(found.module.title)",
                                       printHref: SiteURL.certificate(certificate.id).path, isRevoked: certificate.isRevoked)
            }
        }
        var nameField = FormField("certificateName", words("me.home.name.label"), value: name, errors: [], hint: words("me.home.name.hint"))
            .type("text", autocomplete: "name")
        nameField.error = problem
        var codeField = FormField("code", words("me.checkIn.label"), value: checkIn.code, errors: [], hint: words("me.checkIn.body"))
            .type("text", autocomplete: "off")
        codeField.error = checkIn.problem
        let checkInForm = sessionRuns || checkIn.problem != nil
            ? QuestionFields.form(request: req, action: SiteURL.meCheckIn.path, submit: words("me.checkIn.button"), secondary: nil,
                                  fields: [codeField], words: words)
            : nil
        let csrf = req.csrfToken()
        var view = MeView(
            t: WordTable(words, keys: MeView.keys).table,
            greeting: words("me.home.greeting", ["name": Self.certificateName(context.enrolments)]),
            notice: notice, checkInForm: checkInForm, programs: programs, next: next, hasNext: !next.isEmpty, speaking: speaking, hasSpeaking: !speaking.isEmpty,
            certificates: certificates, hasCertificates: !certificates.isEmpty,
            nameForm: QuestionFields.form(request: req, action: SiteURL.meName.path, submit: words("me.home.name.button"), secondary: nil,
                                          fields: [nameField], words: words),
            feedURL: req.config.baseURL.absoluteString.trimmingSuffix("/") + (try await feedURL(req, email: context.session.email)),
            renewFeed: MeView.Button(action: SiteURL.meCalendar.path, csrf: csrf, label: words("me.home.calendar.renew")),
            signOut: MeView.Button(action: SiteURL.meSignOut.path, csrf: csrf, label: words("me.home.signOut")))
        view.surveys = try await Self.surveys(req, context, words: words)
        return req.applicantPage(.me, title: words("me.home.programs"), view, language: context.language, offered: Language.allCases,
                                 status: status, isError: problem != nil || checkIn.problem != nil)
    }

    /// The surveys the person is asked to answer that are open now, and those they answered while still open.
    private static func surveys(_ req: Request, _ context: Context, words: Words) async throws -> [MeView.SurveyLine] {
        let people = Set(context.enrolments.filter { $0.role == .participant }.map(\.personID))
        return try await SurveyStore(db: req.persistence).surveys(for: people).filter { $0.survey.window(at: req.now) == .open }.map { found in
            let state = found.responded ? "sent" : (found.hasDraft ? "inProgress" : "notStarted")
            return MeView.SurveyLine(title: found.survey.title.text(in: context.language), href: SiteURL.meSurvey(found.survey.id).path,
                                     state: found.responded ? words("survey.state.sent") : words("app.state.\(state)"),
                                     stateClass: found.responded ? "state-complete" : "state-\(state)")
        }
    }

    /// The programs of the person's roles, in the order listed, each with the person's rows in it.
    static func programs(_ enrolments: [PersonAccessStore.Enrolled]) -> [(slug: String, people: Set<UUID>)] {
        var order: [String] = []
        var people: [String: Set<UUID>] = [:]
        for enrolment in enrolments {
            if people[enrolment.programSlug] == nil { order.append(enrolment.programSlug) }
            people[enrolment.programSlug, default: []].insert(enrolment.personID)
        }
        return order.map { ($0, people[$0] ?? []) }
    }

    static func agenda(_ req: Request, slug: String, people: Set<UUID>) async throws -> PersonAgenda? {
        guard let detail = try await ProgramStore(db: req.persistence).detail(slug: slug) else { return nil }
        let published = try await AgendaStore(db: req.persistence).published(programID: detail.program.id)
        return PersonAgenda(program: detail.program, modules: detail.modules, published: published, audience: .person(people))
    }

    static func certificateName(_ enrolments: [PersonAccessStore.Enrolled]) -> String {
        enrolments.first.map { $0.certificateName.isEmpty ? $0.fullName : $0.certificateName } ?? ""
    }

    /// The path of the person's calendar, made on first asking.
    private func feedURL(_ req: Request, email: String) async throws -> String {
        let key = req.config.secretKey
        let id = try await PersonAccessStore(db: req.persistence).feed(email: email, now: req.now,
                                                                     tokenHash: { SecretToken.hash(Self.feedToken($0, key: key)) })
        return SiteURL.personFeed(token: Self.feedToken(id, key: key)).path
    }

    /// A feed's token, derived from its id with the server's key: shown again on every visit
    /// without being kept anywhere but in the person's calendar program.
    static func feedToken(_ feedID: UUID, key: [UInt8]) -> String {
        SecretToken.pseudonym("person-feed:\(feedID.uuidString.lowercased())", key: key)
    }
}
