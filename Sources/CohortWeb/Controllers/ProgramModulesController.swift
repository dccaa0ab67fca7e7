import CohortCore
import CohortStore
import Vapor

/// A program's modules: list, add, edit, remove.
struct ProgramModulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programModules, use: list)
        routes.post(.programModules, use: add)
        routes.get(.programModule, use: editForm)
        routes.post(.programModule, use: update)
        routes.post(.removeModule, use: remove)
    }

    func list(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        return try await listPage(req, program, form: nil, errors: [])
    }

    func add(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let form = Self.form(try req.formValues())
        let store = ProgramPartsStore(db: req.persistence)
        do {
            let numbers = try await store.moduleNumbers(programID: program.id, except: nil)
            try await store.saveModule(try form.validated(id: UUID(), program: program, otherNumbers: numbers))
            req.application.publicPageCache.expire()
            return req.redirect(.programModules(slug: program.slug), flash: .added)
        } catch let failure as ValidationFailure {
            return try await listPage(req, program, form: form, errors: failure.errors)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let module = try await find(req, program)
        return editPage(req, program, moduleID: module.id, form: ModuleForm(module), errors: [])
    }

    func update(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let module = try await find(req, program)
        let form = Self.form(try req.formValues())
        let store = ProgramPartsStore(db: req.persistence)
        do {
            let numbers = try await store.moduleNumbers(programID: program.id, except: module.id)
            var updated = try form.validated(id: module.id, program: program, otherNumbers: numbers)
            updated.isIllustrative = module.isIllustrative
            try await store.saveModule(updated)
            req.application.publicPageCache.expire()
            return req.redirect(.programModules(slug: program.slug), flash: .saved)
        } catch let failure as ValidationFailure {
            return editPage(req, program, moduleID: module.id, form: form, errors: failure.errors)
        }
    }

    func remove(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let module = try await find(req, program)
        try await ProgramPartsStore(db: req.persistence).removeModule(programID: program.id, moduleID: module.id)
        req.application.publicPageCache.expire()
        return req.redirect(.programModules(slug: program.slug), flash: .removed)
    }

    private func find(_ req: Request, _ program: Program) async throws -> ProgramModule {
        guard let id = req.parameters.get("id", as: UUID.self),
              let module = try await ProgramPartsStore(db: req.persistence).module(programID: program.id, moduleID: id) else {
            throw DomainError.notFound("module")
        }
        return module
    }

    /// UTC first (for online modules; Linux does not list it among the known zones), then every zone by name.
    static let zoneChoices = [("UTC", "UTC")] + TimeZone.knownTimeZoneIdentifiers.filter { $0 != "UTC" }.sorted().map { ($0, $0) }

    static func form(_ values: FormValues) -> ModuleForm {
        ModuleForm(number: values["number"], title: values["title"], startDate: values["startDate"], endDate: values["endDate"],
                   city: values["city"], country: values["country"], format: values["format"], timeZone: values["timeZone"])
    }

    private func fields(_ form: ModuleForm, errors: [FieldError]) -> [FormField] {
        [
            FormField("number", "Number", value: form.number, errors: errors).type("number"),
            FormField("title", "Title", value: form.title, errors: errors),
            FormField("startDate", "Start date", value: form.startDate, errors: errors).type("date"),
            FormField("endDate", "End date", value: form.endDate, errors: errors).type("date"),
            FormField("format", "Format", value: form.format, errors: errors).choices(ModuleFormat.allCases.map { ($0.rawValue, $0.label) }),
            FormField("city", "City", value: form.city, errors: errors, hint: "Optional for online modules.").optional(),
            FormField("country", "Country", value: form.country, errors: errors)
                .choices(FormField.countryChoices(), placeholder: "None (online)").optional(),
            FormField("timeZone", "Time zone of the venue", value: form.timeZone, errors: errors,
                      hint: "The agenda's times are shown and checked in it.").choices(Self.zoneChoices),
        ]
    }

    /// The modules and the form to add one: `form` as it was sent, or nil for a new module's.
    private func listPage(_ req: Request, _ program: Program, form: ModuleForm?, errors: [FieldError]) async throws -> Response {
        guard let detail = try await ProgramStore(db: req.persistence).detail(slug: program.slug) else { throw DomainError.notFound("program") }
        // A new module is numbered after the last, and most often held where the last one was.
        let form = form ?? ModuleForm(number: "\((detail.modules.map(\.number).max() ?? 0) + 1)", timeZone: detail.modules.last?.timeZone ?? "UTC")
        let rows = detail.modules.map { module in
            PartsView.Row(cells: ["\(module.number)", module.title, module.periodText, module.venueText + (module.isIllustrative ? " (illustrative)" : "")],
                          editHref: SiteURL.programModule(slug: program.slug, id: module.id).path,
                          remove: DangerAction(label: "Remove", consequence: "Module \(module.number) is deleted from the program, with its agenda.",
                                               action: SiteURL.removeModule(slug: program.slug, id: module.id).path, csrf: req.csrfToken()),
                          links: [PartsView.Link(label: "Agenda", href: SiteURL.moduleAgenda(slug: program.slug, id: module.id).path),
                                  PartsView.Link(label: "Attendance", href: SiteURL.moduleAttendance(slug: program.slug, id: module.id).path),
                                  PartsView.Link(label: "Certificates", href: SiteURL.moduleCertificates(slug: program.slug, id: module.id).path)])
        }
        return ProgramPartsController().render(
            req, program: program, tab: "Modules", heading: "Modules", columns: ["No.", "Title", "Dates", "Venue"], rows: rows,
            empty: "No modules yet. A program has at least one workshop: add it below.", addHeading: "Add a module",
            fields: fields(form, errors: errors), action: SiteURL.programModules(slug: program.slug).path, errors: errors)
    }

    private func editPage(_ req: Request, _ program: Program, moduleID: UUID, form: ModuleForm, errors: [FieldError]) -> Response {
        let view = StaffFormView(
            heading: "Module \(form.number): \(program.title)",
            form: FormView(request: req, action: SiteURL.programModule(slug: program.slug, id: moduleID).path,
                           submitLabel: "Save changes", fields: fields(form, errors: errors),
                           cancelHref: SiteURL.programModules(slug: program.slug).path),
            tabs: Tab.program(slug: program.slug, current: "Modules", isAdmin: req.actor?.isAdmin ?? false))
        return req.page(.staffForm, title: "Edit module", view, status: errors.isEmpty ? .ok : .unprocessableEntity,
                        isError: !errors.isEmpty, trail: StaffProgram.trail)
    }
}
