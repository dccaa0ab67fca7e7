import CohortCore
import CohortStore
import Vapor

/// Selection for a call's managers: quotas and cohort size in, the provably best cohort out,
/// explained; every run is saved with its inputs, and two runs can be set side by side.
struct SelectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.callSelection, use: show)
        routes.post(.callSelection, use: run)
        routes.get(.selectionCompare, use: compare)
        routes.get(.selectionRun, use: result)
        routes.get(.selectionInstance, use: instance)
    }

    func show(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        var form = SelectionSetupForm(cohortSize: loaded.call.targetCohortSize)
        if let from = req.query[UUID.self, at: "from"], let earlier = try await SelectionRunStore(db: req.persistence).run(id: from, callID: loaded.call.id) {
            form = SelectionSetupForm(values: earlier.form)
            form.rows += Array(repeating: SelectionSetupForm.Row(), count: SelectionSetupForm.blankRows)
        }
        return try await page(req, loaded: loaded, program: program, form: form, errors: [])
    }

    func run(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        let actor = try req.requireActor()
        let form = SelectionSetupForm(values: try req.formValues().values)
        let pool = req.application.threadPool
        // Up to a second for a very large call: on the thread pool, not the event loop that serves other requests.
        switch try await SelectionWorkflow(db: req.persistence).run(loaded, programID: program.id, form: form, by: actor.accountID, now: req.now,
                                                                    solve: { instance in try await pool.runIfActive { try SelectionSolver.solve(instance) } }) {
        case .refused(let failure):
            return try await page(req, loaded: loaded, program: program, form: form, errors: failure.errors)
        case .saved(let run):
            return req.redirect(.selectionRun(callID: loaded.call.id, id: run.id))
        }
    }

    func result(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        let run = try await Self.run(req, callID: loaded.call.id)
        let instance = try SelectionInstance.decode(json: run.instance)
        var view = try SelectionRunPresenter(callID: loaded.call.id).view(run: run, instance: instance,
                                                                          applicationIDs: try await SelectionRunStore(db: req.persistence).applicationIDs(callID: loaded.call.id))
        if try await DecisionStore(db: req.persistence).decisions(callID: loaded.call.id).isEmpty {
            if run.status == .optimal {
                view.decisions = DecisionForm(action: SiteURL.selectionDecisions(callID: loaded.call.id, runID: run.id).path, csrf: req.csrfToken(),
                                              respondBy: LocalDateTime.format(req.now.addingTimeInterval(14 * 86_400), zone: loaded.call.timeZone),
                                              timeZone: loaded.call.timeZone)
            }
        } else {
            view.decisionsHref = SiteURL.callDecisions(loaded.call.id).path
        }
        return req.page(.staffSelectionRun, title: run.name, view, trail: Self.trail(program, loaded))
    }

    func instance(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.runSelection)
        let run = try await Self.run(req, callID: loaded.call.id)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"selection-\(run.id.uuidString.lowercased()).json\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: run.instance))
    }

    func compare(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        let store = SelectionRunStore(db: req.persistence)
        guard let a = req.query[UUID.self, at: "a"], let b = req.query[UUID.self, at: "b"],
              let first = try await store.run(id: a, callID: loaded.call.id), let second = try await store.run(id: b, callID: loaded.call.id) else {
            throw RequestProblem.chooseTwoRuns
        }
        let view = try SelectionRunPresenter(callID: loaded.call.id).comparison(first, second)
        return req.page(.staffSelectionCompare, title: "Compare runs", view, trail: Self.trail(program, loaded))
    }

    // MARK: Helpers

    static func run(_ req: Request, callID: UUID) async throws -> SelectionRun {
        guard let id = req.parameters.get("runID", as: UUID.self), let run = try await SelectionRunStore(db: req.persistence).run(id: id, callID: callID) else {
            throw DomainError.notFound("selection run")
        }
        return run
    }

    /// Each attribute quotas can use, with the values found in the pool and how many have each.
    static func trail(_ program: Program, _ loaded: CallStore.Loaded) -> [Layout.Crumb] {
        StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path),
                              Layout.Crumb(label: "Selection", href: SiteURL.callSelection(loaded.call.id).path)]
    }

    private func page(_ req: Request, loaded: CallStore.Loaded, program: Program, form: SelectionSetupForm, errors: [FieldError]) async throws -> Response {
        let callID = loaded.call.id
        let store = SelectionRunStore(db: req.persistence)
        let candidates = try await store.candidates(callID: callID, programID: program.id, form: loaded.form, rules: loaded.rules, score: .calibrated)
        let attributes = SelectionCandidate.attributeValues(candidates)
        let runs = try await store.runs(callID: callID)
        let view = SelectionFormPresenter(request: req, callID: callID).view(form: form, errors: errors, attributes: attributes,
                                                                              pool: candidates.count, scored: candidates.filter { $0.score != nil }.count,
                                                                              runs: runs)
        return req.page(.staffSelection, title: "Selection", view, status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path),
                                                     Layout.Crumb(label: "Applications", href: SiteURL.callApplications(callID).path)])
    }
}
