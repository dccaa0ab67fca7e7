import CohortCore
import CohortStore
import Vapor

/// A session's materials: the agenda's managers add links and files and take them off; a file
/// goes to whoever may see its session in the published agenda, and to the managers.
struct SessionMaterialsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // A file and the form's other fields, with room for multipart framing.
        routes.postLarge(.sessionMaterials, maxBytes: MaterialForm.maxFileBytes + 64 * 1024, use: add)
        routes.post(.removeSessionMaterial, use: remove)
        routes.get(.material, use: file)
    }

    /// The module and the session named by the address, if the actor manages the program's agenda.
    private func session(_ req: Request) async throws -> (StaffModule, AgendaSession) {
        let scope = try await StaffModule.load(req, for: StaffAction.manageAgenda)
        guard let id = req.parameters.get("sessionID", as: UUID.self),
              let entry = try await AgendaStore(db: req.persistence).entries(moduleID: scope.module.id).first(where: { $0.session.id == id })
        else { throw DomainError.notFound("session") }
        return (scope, entry.session)
    }

    func add(req: Request) async throws -> Response {
        let (scope, session) = try await session(req)
        let sessionID = session.id
        let submission = try req.formSubmission()
        let form = MaterialForm(title: submission.values["materialTitle"], link: submission.values["materialLink"])
        let upload = submission.files["materialFile"].map { (name: $0.fileName, bytes: $0.bytes) }
        do {
            let valid = try form.validated(file: upload)
            try await SessionMaterialStore(db: req.persistence).add(valid, sessionID: sessionID, moduleID: scope.module.id,
                                                                    by: req.actor?.accountID, now: req.now)
        } catch let failure as ValidationFailure {
            return try await ModuleAgendaController().page(req, scope, editing: sessionID, form: SessionForm(session, in: scope.module.zone),
                                                           errors: [], material: (form, failure.errors))
        }
        req.application.publicPageCache.expire()
        return req.redirect(.agendaSession(slug: scope.program.slug, id: scope.module.id, sessionID: sessionID), flash: .added)
    }

    func remove(req: Request) async throws -> Response {
        let (scope, session) = try await session(req)
        let sessionID = session.id
        guard let id = req.parameters.get("materialID", as: UUID.self) else { throw DomainError.notFound("material") }
        try await SessionMaterialStore(db: req.persistence).remove(id: id, sessionID: sessionID)
        req.application.publicPageCache.expire()
        return req.redirect(.agendaSession(slug: scope.program.slug, id: scope.module.id, sessionID: sessionID), flash: .removed)
    }

    /// The file, as an attachment, to those who may see its session; "not found" to anyone else,
    /// so that the answer never tells whether the file exists.
    func file(req: Request) async throws -> Response {
        guard let id = req.parameters.get("materialID", as: UUID.self),
              let found = try await SessionMaterialStore(db: req.persistence).file(id: id),
              case .file(let name, let kind, _) = found.material.content else { throw DomainError.notFound("material") }
        guard try await Self.maySee(req, sessionID: found.material.sessionID, programID: found.programID, moduleID: found.moduleID) else {
            throw DomainError.notFound("material")
        }
        let response = FileUploads.download(name: name, kind: kind, bytes: found.bytes)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// The program's managers always; otherwise the session must be in the module's published
    /// agenda, and public in a public program, or seen by the signed-in person as their agenda shows it.
    static func maySee(_ req: Request, sessionID: UUID, programID: UUID, moduleID: UUID) async throws -> Bool {
        if AccessPolicy.allows(req.actor, .manageAgenda(programID)) { return true }
        let published = try await AgendaStore(db: req.persistence).published(programID: programID)
        guard let session = published.versions[moduleID]?.entries.map(\.session).first(where: { $0.id == sessionID }) else { return false }
        if AgendaAudience.everyone.sees(session), try await ProgramStore(db: req.persistence).findByID(programID)?.status.isPublic == true {
            return true
        }
        guard let person = try await req.personSession() else { return false }
        let people = Set(try await PersonAccessStore(db: req.persistence).enrolments(email: person.email)
            .filter { $0.programID == programID }.map(\.personID))
        return !people.isEmpty && AgendaAudience.person(people).sees(session)
    }

    static func section(_ req: Request, _ scope: StaffModule, sessionID: UUID, materials: [SessionMaterial], form: MaterialForm,
                        errors: [FieldError]) -> MaterialsSection {
        let slug = scope.program.slug, moduleID = scope.module.id
        let items = materials.map { material in
            MaterialsSection.Item(title: material.title, detail: MaterialsSection.detail(material), href: MaterialsSection.href(material),
                                  remove: DangerAction(label: "Remove", consequence: "“\(material.title)” is no longer shown with the session.",
                                                       action: SiteURL.removeSessionMaterial(slug: slug, id: moduleID, sessionID: sessionID,
                                                                                             materialID: material.id).path,
                                                       csrf: req.csrfToken()))
        }
        var file = FormField("materialFile", "Or a file", value: "", errors: errors,
                             hint: "PDF, Word (.docx), OpenDocument (.odt), JPEG or PNG, up to 20 MB.").type("file").optional()
        file.accept = ".pdf,.docx,.odt,.jpg,.jpeg,.png"
        let fields = [
            FormField("materialTitle", "Title", value: form.title, errors: errors, hint: "What readers see, like “Slides” or “Case study”.")
                .type("text", autocomplete: "off"),
            FormField("materialLink", "Link", value: form.link, errors: errors, hint: "A web address, like https://www.ohchr.org/…")
                .type("url", autocomplete: "off").optional(),
            file,
        ]
        return MaterialsSection(items: items, form: FormView(request: req, action: SiteURL.sessionMaterials(slug: slug, id: moduleID, sessionID: sessionID).path,
                                                             submitLabel: "Add material", fields: fields))
    }
}
