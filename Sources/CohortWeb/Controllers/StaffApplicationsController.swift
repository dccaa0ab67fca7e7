import CohortCore
import CohortStore
import Vapor

/// A program's calls and their applications, for the program's staff.
struct StaffApplicationsController: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "programs", ":slug", "calls", use: calls)
        let call = routes.grouped("staff", "calls", ":callID")
        call.get("applications", use: list)
        call.get("applications.csv", use: export)
        call.get("applications", ":applicationID", use: detail)
    }

    func calls(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.viewApplications)
        let now = Date()
        var rows: [CallListView.Row] = []
        let applications = ApplicationListStore(db: req.db)
        for call in try await CallStore(db: req.db).calls(programID: program.id) {
            let byStatus = try await applications.counts(callID: call.id, column: .status)
            rows.append(CallListView.Row(
                title: call.title.text(in: .english), status: call.status(at: now).rawValue.capitalized,
                period: "\(CalendarDate(call.opensAt).iso) – \(CalendarDate(call.closesAt).iso)",
                submitted: byStatus[ApplicationStatus.submitted.rawValue] ?? 0,
                drafts: byStatus[ApplicationStatus.draft.rawValue] ?? 0,
                publicHref: SiteURL.call(call.id).path, applicationsHref: SiteURL.callApplications(call.id).path))
        }
        let view = CallListView(programTitle: program.title,
                                tabs: Tab.program(slug: program.slug, current: "Calls", isAdmin: req.actor?.isAdmin ?? false),
                                rows: rows, isEmpty: rows.isEmpty)
        return req.page("staff-calls", title: "Calls – \(program.title)", view, trail: StaffProgram.trail)
    }

    func list(req: Request) async throws -> Response {
        let (loaded, program) = try await Self.load(req)
        let filter = ApplicationFilter(query: { req.query[String.self, at: $0] })
        let sort = req.query[String.self, at: "sort"].flatMap(ApplicationSort.init(rawValue:)) ?? .newest
        let cursor = req.query[String.self, at: "after"].flatMap(ListCursor.init(token:))
        let store = ApplicationListStore(db: req.db)
        let page = try await store.page(callID: loaded.call.id, filter: filter, sort: sort, after: cursor, limit: Self.pageSize)
        let view = try await ApplicationListPresenter(request: req, store: store, call: loaded.call, program: program,
                                                      filter: filter, sort: sort, page: page, isFirstPage: cursor == nil).view()
        return req.page("staff-applications", title: "Applications – \(loaded.call.title.text(in: .english))", view,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path)])
    }

    func detail(req: Request) async throws -> Response {
        let (loaded, program) = try await Self.load(req)
        guard let id = req.parameters.get("applicationID", as: UUID.self),
              let application = try await ApplicationStore(db: req.db).find(id), application.callID == loaded.call.id else {
            throw DomainError.notFound("application")
        }
        let form = try await CallStore(db: req.db).form(callID: loaded.call.id, version: application.formVersion) ?? loaded.form
        let facts = ApplicationFacts(answers: application.answers, rules: loaded.rules)
        let words = req.words(.english)
        let view = ApplicationDetailView(
            heading: application.reference ?? "Draft application",
            facts: [
                .init(label: "Status", answer: application.status.label),
                .init(label: "Email", answer: application.email),
                .init(label: "Language", answer: application.language.englishName),
                .init(label: "Eligibility", answer: facts.isEligible ? "Eligible" : "Not eligible"),
                .init(label: "Form version", answer: "\(application.formVersion)"),
            ],
            reasons: facts.ineligibilityReasons.map(\.description),
            groups: form.sections.map { section in
                ApplicationDetailView.Group(title: section.title.text(in: .english), items: section.questions.map {
                    .init(label: $0.label.text(in: .english), answer: AnswerText.display(application.answers[$0.key], question: $0, words: words))
                })
            },
            backHref: SiteURL.callApplications(loaded.call.id).path)
        return req.page("staff-application", title: view.heading, view,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path),
                                                     Layout.Crumb(label: "Applications", href: SiteURL.callApplications(loaded.call.id).path)])
    }

    /// CSV of the filtered list. Identity columns only when asked for; every export is recorded.
    func export(req: Request) async throws -> Response {
        let (loaded, _) = try await Self.load(req)
        let actor = try req.requireActor()
        let filter = ApplicationFilter(query: { req.query[String.self, at: $0] })
        let withIdentities = req.query[String.self, at: "identities"] == "yes"
        let store = ApplicationListStore(db: req.db)
        let rows = try await store.all(callID: loaded.call.id, filter: filter)
        let csv = ApplicationExport.csv(rows, form: loaded.form, withIdentities: withIdentities)
        try await store.recordExport(accountID: actor.accountID, callID: loaded.call.id, filter: filter,
                                     withIdentities: withIdentities, rows: rows.count)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = "applications-\(loaded.call.referencePrefix)\(withIdentities ? "-with-identities" : "").csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// The call named in the address and its program, if the actor may see its applications.
    static func load(_ req: Request) async throws -> (CallStore.Loaded, Program) {
        let actor = try req.requireActor()
        guard let id = req.parameters.get("callID", as: UUID.self), let loaded = try await CallStore(db: req.db).load(id),
              let program = try await ProgramStore(db: req.db).findByID(loaded.call.programID) else {
            throw DomainError.notFound("call")
        }
        guard AccessPolicy.allows(actor, .viewStaffProgram(program.id)) else { throw DomainError.notFound("call") }
        guard AccessPolicy.allows(actor, .viewApplications(program.id)) else { throw DomainError.forbidden }
        return (loaded, program)
    }
}

/// The columns of an applications export.
enum ApplicationExport {
    static func csv(_ rows: [(summary: ApplicationSummary, answers: [String: Answer])], form: FormDefinition, withIdentities: Bool) -> String {
        let questions = form.questions.filter { withIdentities || !$0.isIdentifying }
        var header = ["reference", "status", "submitted_at", "language", "eligible", "ineligibility_reasons"]
        if withIdentities { header.insert("email", at: 1) }
        header += questions.map(\.key)
        let formatter = ISO8601DateFormatter()
        let body = rows.map { row -> [String] in
            var cells = [row.summary.reference ?? "", row.summary.status.rawValue, row.summary.submittedAt.map(formatter.string) ?? "",
                         row.summary.language.rawValue, row.summary.isEligible ? "yes" : "no",
                         row.summary.ineligibilityReasons.joined(separator: "; ")]
            if withIdentities { cells.insert(row.summary.email, at: 1) }
            return cells + questions.map { row.answers[$0.key]?.textValue ?? "" }
        }
        return CSVWriter.document(header: header, rows: body)
    }
}
