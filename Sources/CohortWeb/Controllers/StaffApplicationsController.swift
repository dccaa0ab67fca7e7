import CohortCore
import CohortStore
import Vapor

/// A program's calls and their applications, for the program's staff.
struct StaffApplicationsController: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programCalls, use: calls)
        routes.get(.callApplications, use: list)
        routes.get(.callExport, use: export)
        routes.get(.callApplication, use: detail)
    }

    func calls(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.viewApplications)
        let now = req.now
        let mayManage = AccessPolicy.allows(req.actor, .manageCalls(program.id))
        var rows: [CallListView.Row] = []
        let applications = ApplicationListStore(db: req.persistence)
        for call in try await CallStore(db: req.persistence).calls(programID: program.id) {
            let byStatus = try await applications.counts(callID: call.id, column: .status)
            rows.append(CallListView.Row(
                title: call.title.text(in: .english), status: call.status(at: now).rawValue.capitalized,
                period: "\(CalendarDate(call.opensAt).iso) – \(CalendarDate(call.closesAt).iso)",
                submitted: ApplicationStatus.allCases.filter(\.isSubmitted).reduce(0) { $0 + (byStatus[$1.rawValue] ?? 0) },
                drafts: byStatus[ApplicationStatus.draft.rawValue] ?? 0,
                publicHref: SiteURL.call(call.id).path, applicationsHref: SiteURL.callApplications(call.id).path,
                settingsHref: mayManage ? SiteURL.editCall(call.id).path : nil, formHref: mayManage ? SiteURL.callForm(call.id).path : nil))
        }
        let view = CallListView(programTitle: program.title,
                                tabs: Tab.program(slug: program.slug, current: "Calls", isAdmin: req.actor?.isAdmin ?? false),
                                rows: rows, isEmpty: rows.isEmpty, newHref: mayManage ? SiteURL.newCall(slug: program.slug).path : nil)
        return req.page(.staffCalls, title: "Calls – \(program.title)", view, trail: StaffProgram.trail)
    }

    func list(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall()
        let filter = ApplicationFilter(query: { req.query[String.self, at: $0] })
        let sort = req.query[String.self, at: "sort"].flatMap(ApplicationSort.init(rawValue:)) ?? .newest
        let cursor = req.query[String.self, at: "after"].flatMap(ListCursor.init(token:))
        let store = ApplicationListStore(db: req.persistence)
        let page = try await store.page(callID: loaded.call.id, filter: filter, sort: sort, after: cursor, limit: Self.pageSize,
                                        facets: ApplicationListStore.FacetColumn.allCases)
        let view = ApplicationListPresenter(request: req, call: loaded.call, program: program,
                                                      filter: filter, sort: sort, page: page, isFirstPage: cursor == nil,
                                                      mayDecide: AccessPolicy.allows(req.actor, .decideApplications(program.id)),
                                                      mayManage: AccessPolicy.allows(req.actor, .manageCalls(program.id))).view()
        return req.page(.staffApplications, title: "Applications – \(loaded.call.title.text(in: .english))", view,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path)])
    }

    func detail(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall()
        let application = try await req.staffApplication(of: loaded)
        return try await detailPage(req, loaded: loaded, program: program, application: application, overrideForm: nil)
    }

    /// The detail page; `overrideForm` brings back a refused override as it was typed, with its message.
    func detailPage(_ req: Request, loaded: CallStore.Loaded, program: Program, application: CallApplication,
                    overrideForm: (decision: String, note: String, problem: String)?) async throws -> Response {
        let form = try await CallStore(db: req.persistence).form(callID: loaded.call.id, version: application.formVersion) ?? loaded.form
        let facts = ApplicationFacts(answers: application.answers, rules: loaded.rules)
        let decision = try await ApplicationStore(db: req.persistence).eligibilityDecision(id: application.id)
        let files = try await FileStore(db: req.persistence).files(applicationID: application.id)
        let filesByID = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0) })
        var decider: Account?
        if let by = decision?.by { decider = try await AccountStore(db: req.persistence).find(by) }
        let mayDecide = AccessPolicy.allows(req.actor, .decideApplications(loaded.call.programID))
        let words = req.words(.english)
        let selectionDecision = try await DecisionStore(db: req.persistence).decision(applicationID: application.id).map { decision in
            let outcome = decision.outcome == .waitlisted ? "Waiting list \(decision.waitlistRank ?? 0)" : decision.outcome.rawValue.capitalized
            let answer = DecisionsController.response(decision, zone: loaded.call.timeZone, now: req.now)
            return answer.isEmpty ? outcome : "\(outcome): \(answer)"
        }
        let view = ApplicationDetailView(
            heading: application.reference ?? "Draft application",
            facts: [
                .init(label: "Status", answer: application.status.label),
                .init(label: "Email", answer: application.email),
                .init(label: "Language", answer: application.language.englishName),
                .init(label: "Eligibility", answer: EligibilityText.verdict(rules: facts.isEligible, override: decision?.override)),
                .init(label: "Form version", answer: "\(application.formVersion)"),
            ] + (selectionDecision.map { [.init(label: "Selection decision", answer: $0)] } ?? []),
            reasons: facts.ineligibilityReasons.map(\.description),
            override: decision?.override == nil ? nil : EligibilityText.overrideLine(decision, by: decider?.name),
            groups: form.sections.map { section in
                ApplicationDetailView.Group(title: section.title.text(in: .english), items: section.questions.map { question in
                    let answer = application.answers[question.key]
                    return .init(label: question.label.text(in: .english),
                                 answer: AnswerText.display(answer, question: question, words: words, files: filesByID),
                                 fileHref: FileUploads.fileID(answer, question: question, files: filesByID).map {
                                     SiteURL.staffApplicationFile(callID: loaded.call.id, id: application.id, fileID: $0).path
                                 })
                })
            },
            eligibilityForm: mayDecide ? EligibilityText.form(req, callID: loaded.call.id, applicationID: application.id,
                                                              current: decision, typed: overrideForm) : nil,
            statusForm: mayDecide && application.status.isSubmitted ? StatusFormView(
                action: SiteURL.callBulkStatus(loaded.call.id).path, csrf: req.csrfToken(),
                selectName: "select__\(application.id.uuidString.lowercased())",
                back: SiteURL.callApplication(callID: loaded.call.id, id: application.id).path,
                choices: ApplicationStatus.staffSettable.filter { $0 != application.status }.map { .init(value: $0.rawValue, label: $0.label, selected: false) }) : nil,
            backHref: SiteURL.callApplications(loaded.call.id).path)
        let programCrumb = [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path)]
        return req.page(.staffApplication, title: view.heading, view, status: overrideForm == nil ? .ok : .unprocessableEntity,
                        isError: overrideForm != nil,
                        trail: StaffProgram.trail + programCrumb + [Layout.Crumb(label: "Applications", href: SiteURL.callApplications(loaded.call.id).path)])
    }

    /// CSV of the filtered list. Identity columns only when asked for; every export is recorded.
    func export(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall()
        let actor = try req.requireActor()
        let filter = ApplicationFilter(query: { req.query[String.self, at: $0] })
        let withIdentities = req.query[String.self, at: "identities"] == "yes"
        let store = ApplicationListStore(db: req.persistence)
        let rows = try await store.all(callID: loaded.call.id, filter: filter)
        let csv = ApplicationExport.csv(rows, form: loaded.form, withIdentities: withIdentities)
        try await store.recordExport(accountID: actor.accountID, callID: loaded.call.id, filter: filter,
                                     withIdentities: withIdentities, rows: rows.count, now: req.now)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = "applications-\(loaded.call.referencePrefix)\(withIdentities ? "-with-identities" : "").csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
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
            return cells + questions.map { question in
                let text = row.answers[question.key]?.textValue ?? ""
                // A file's answer is its id, which means nothing in a spreadsheet: say whether one is there.
                return question.type == .file ? (text.isEmpty ? "" : "file uploaded") : text
            }
        }
        return CSVWriter.document(header: header, rows: body)
    }
}
