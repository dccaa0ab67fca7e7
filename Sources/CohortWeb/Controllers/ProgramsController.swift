import CohortCore
import CohortStore
import Vapor

/// Program details in the staff area. Admins create and delete; managers edit their own.
struct ProgramsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.staffPrograms, use: list)
        routes.get(.newProgram, use: newForm)
        routes.post(.newProgram, use: create)
        routes.get(.staffProgram, use: editForm)
        routes.post(.staffProgram, use: update)
        routes.post(.deleteProgram, use: delete)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        // Reviewers count as staff for their reviews, but the programs list is for those who run programs.
        guard AccessPolicy.visibleProgramIDs(actor).map({ !$0.isEmpty }) ?? true else { throw DomainError.forbidden }
        let request = req.listRequest(default: ProgramSort.start)
        let (items, total) = try await ProgramStore(db: req.persistence).page(request, visible: AccessPolicy.visibleProgramIDs(actor))
        let list = ListView(basePath: SiteURL.staffPrograms.path, request: request, total: total, noun: ("program", "programs"),
                            columns: [("Title", .title), ("Dates", .start), ("Status", .status)])
        let rows = items.map {
            ProgramListView.Row(title: $0.title, href: SiteURL.staffProgram(slug: $0.slug).path, period: $0.periodText,
                                status: $0.status.label, isSample: $0.isSample)
        }
        let view = ProgramListView(list: list, rows: rows,
                                   newHref: AccessPolicy.allows(actor, .createProgram) ? SiteURL.newProgram.path : nil)
        return req.page(.staffPrograms, title: "Programs", view, trail: [StaffProgram.staffCrumb])
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.createProgram)
        return try await formPage(req, ProgramForm(), errors: [], program: nil)
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.createProgram)
        let form = Self.form(try req.formValues())
        do {
            let program = try form.validated(id: UUID())
            try await req.refusingFields { try await ProgramStore(db: req.persistence).create(program, now: req.now) }
            req.application.publicPageCache.expire()
            return req.redirect(.staffProgram(slug: program.slug), flash: .created)
        } catch let failure as ValidationFailure {
            return try await formPage(req, form, errors: failure.errors, program: nil)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        return try await formPage(req, ProgramForm(program), errors: [], program: program)
    }

    func update(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let form = Self.form(try req.formValues())
        do {
            let updated = try form.validated(id: program.id, isSample: program.isSample)
            try await req.refusingFields { try await ProgramStore(db: req.persistence).update(updated, now: req.now) }
            req.application.publicPageCache.expire()
            return req.redirect(.staffProgram(slug: updated.slug), flash: .saved)
        } catch let failure as ValidationFailure {
            return try await formPage(req, form, errors: failure.errors, program: program)
        }
    }

    func delete(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: { _ in .deleteProgram })
        try await ProgramStore(db: req.persistence).delete(program.id)
        req.application.publicPageCache.expire()
        return req.redirect(.staffPrograms, flash: .deleted)
    }

    static func form(_ values: FormValues) -> ProgramForm {
        ProgramForm(slug: values["slug"], title: values["title"], theme: values["theme"], hostCountry: values["hostCountry"],
                    startDate: values["startDate"], endDate: values["endDate"], summary: values["summary"],
                    description: values["description"], status: values["status"],
                    leadOrganisationID: values["leadOrganisationID"])
    }

    private func formPage(_ req: Request, _ form: ProgramForm, errors: [FieldError], program: Program?) async throws -> Response {
        let organisations = try await OrganisationStore(db: req.persistence).all()
        let fields = [
            FormField("title", "Title", value: form.title, errors: errors),
            FormField("slug", "Web address", value: form.slug, errors: errors,
                      hint: "Lower-case letters, digits and hyphens. The public page is /programs/ followed by this."),
            FormField("theme", "Theme", value: form.theme, errors: errors),
            FormField("hostCountry", "Host country", value: form.hostCountry, errors: errors)
                .choices(FormField.countryChoices(), placeholder: "Choose…"),
            FormField("startDate", "Start date", value: form.startDate, errors: errors).type("date"),
            FormField("endDate", "End date", value: form.endDate, errors: errors).type("date"),
            FormField("status", "Status", value: form.status, errors: errors,
                      hint: "Drafts are visible to staff only.")
                .choices(ProgramStatus.allCases.map { ($0.rawValue, $0.label) }),
            FormField("leadOrganisationID", "Lead organisation", value: form.leadOrganisationID, errors: errors)
                .choices(organisations.map { ($0.id.uuidString, $0.displayName) }, placeholder: "None yet").optional(),
            FormField("summary", "Summary", value: form.summary, errors: errors, hint: "One sentence for the program list."),
            FormField("description", "Description", value: form.description, errors: errors,
                      hint: "Leave an empty line between paragraphs.").multiline().optional(),
        ]
        let isAdmin = req.actor?.isAdmin ?? false
        let action = program.map { SiteURL.staffProgram(slug: $0.slug).path } ?? SiteURL.newProgram.path
        let view = StaffFormView(
            heading: program?.title ?? "New program",
            form: FormView(request: req, action: action, submitLabel: program == nil ? "Create program" : "Save changes",
                           fields: fields, cancelHref: program == nil ? SiteURL.staffPrograms.path : nil),
            danger: program.flatMap { program in
                isAdmin ? DangerAction(label: "Delete this program",
                                       consequence: "The program, its partners, modules, countries and roles are deleted. This cannot be undone.",
                                       action: SiteURL.deleteProgram(slug: program.slug).path, csrf: req.csrfToken()) : nil
            },
            tabs: program.map { Tab.program(slug: $0.slug, current: "Details", isAdmin: isAdmin) } ?? [])
        return req.page(.staffForm, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity,
                        isError: !errors.isEmpty, trail: StaffProgram.trail)
    }
}

/// Loading a program in the staff area with its access check, shared by the program controllers.
/// A module of a program named by `:slug` and `:id`, if the actor may do the action on the program.
struct StaffModule {
    let program: Program
    let module: ProgramModule

    static func load(_ req: Request, for action: (UUID) -> StaffAction) async throws -> StaffModule {
        let program = try await StaffProgram.load(req, for: action)
        guard let id = req.parameters.get("id", as: UUID.self),
              let module = try await ProgramPartsStore(db: req.persistence).module(programID: program.id, moduleID: id) else {
            throw DomainError.notFound("module")
        }
        return StaffModule(program: program, module: module)
    }
}

enum StaffProgram {
    static let staffCrumb = Layout.Crumb(label: "Staff area", href: SiteURL.staffHome.path)
    static let trail = [staffCrumb, Layout.Crumb(label: "Programs", href: SiteURL.staffPrograms.path)]

    /// The program named by `:slug`, if the actor may do `action` on it. A program the actor
    /// may not see answers 404 rather than 403, so its existence is not revealed.
    static func load(_ req: Request, for action: (UUID) -> StaffAction) async throws -> Program {
        let actor = try req.requireActor()
        guard let program = try await ProgramStore(db: req.persistence).find(slug: try req.parameters.require("slug")) else {
            throw DomainError.notFound("program")
        }
        guard AccessPolicy.allows(actor, .viewStaffProgram(program.id)) else { throw DomainError.notFound("program") }
        guard AccessPolicy.allows(actor, action(program.id)) else { throw DomainError.forbidden }
        return program
    }
}
