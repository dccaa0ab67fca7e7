import CohortCore
import CohortStore
import Vapor

/// The agenda editor of a module, for the program's managers: sessions added, changed and
/// taken off with their clashes shown before anything is saved, and the agenda published
/// with a change note.
struct ModuleAgendaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.moduleAgenda, use: editor)
        routes.post(.moduleAgenda, use: add)
        routes.get(.agendaSession, use: editSession)
        routes.post(.agendaSession, use: update)
        routes.post(.removeAgendaSession, use: remove)
        routes.post(.publishAgenda, use: publish)
    }

    /// The program and module named by the address, if the actor manages the program's agenda.
    private func scope(_ req: Request) async throws -> StaffModule {
        try await StaffModule.load(req, for: StaffAction.manageAgenda)
    }

    private func sessionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("sessionID", as: UUID.self) else { throw DomainError.notFound("session") }
        return id
    }

    func editor(req: Request) async throws -> Response {
        let scope = try await scope(req)
        return try await page(req, scope, editing: nil, form: newSessionForm(scope, after: try await entries(req, scope)), errors: [])
    }

    func add(req: Request) async throws -> Response {
        try await save(req, scope: try await scope(req), id: UUID(), editing: nil)
    }

    func editSession(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let id = try sessionID(req)
        guard let entry = try await entries(req, scope).first(where: { $0.session.id == id }) else { throw DomainError.notFound("session") }
        return try await page(req, scope, editing: id, form: SessionForm(entry.session, in: scope.module.zone), errors: [])
    }

    func update(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let id = try sessionID(req)
        guard try await entries(req, scope).contains(where: { $0.session.id == id }) else { throw DomainError.notFound("session") }
        return try await save(req, scope: scope, id: id, editing: id)
    }

    func remove(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let removal = try await AgendaStore(db: req.persistence).remove(sessionID: try sessionID(req), moduleID: scope.module.id, now: req.now)
        return req.redirect(.moduleAgenda(slug: scope.program.slug, id: scope.module.id), flash: removal == .cancelled ? .sessionCancelled : .deleted)
    }

    func publish(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let values = try req.formValues()
        let messages = AgendaMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL, program: scope.program,
                                      module: scope.module)
        do {
            _ = try await AgendaStore(db: req.persistence).publish(moduleID: scope.module.id, note: values["note"], by: req.actor?.accountID,
                                                                   now: req.now, compose: messages.changed)
        } catch let failure as ValidationFailure {
            return try await page(req, scope, editing: nil, form: newSessionForm(scope, after: try await entries(req, scope)),
                                  errors: failure.errors, note: values["note"])
        }
        req.application.publicPageCache.expire()
        return req.redirect(.moduleAgenda(slug: scope.program.slug, id: scope.module.id), flash: .agendaPublished)
    }

    /// Saves the session as sent, or shows it again with its problems or its clashes; a clash
    /// the person has seen and accepted ("save anyway") no longer stops it.
    private func save(_ req: Request, scope: StaffModule, id: UUID, editing: UUID?) async throws -> Response {
        let values = try req.formValues()
        let form = Self.form(values)
        do {
            let session = try form.validated(id: id, moduleID: scope.module.id, zone: scope.module.zone)
            let clashes = try await req.refusingFields {
                try await AgendaStore(db: req.persistence).save(session, acceptingClashes: values["acceptClashes"] == "on", now: req.now)
            }
            if !clashes.isEmpty, values["acceptClashes"] != "on" {
                return try await page(req, scope, editing: editing, form: form, errors: [], clashes: clashes)
            }
            return req.redirect(.moduleAgenda(slug: scope.program.slug, id: scope.module.id), flash: editing == nil ? .added : .saved)
        } catch let failure as ValidationFailure {
            return try await page(req, scope, editing: editing, form: form, errors: failure.errors)
        }
    }

    private func entries(_ req: Request, _ scope: StaffModule) async throws -> [AgendaEntry] {
        try await AgendaStore(db: req.persistence).entries(moduleID: scope.module.id)
    }

    /// A new session starts on the day and at the hour the last one ended, or on the module's first day.
    private func newSessionForm(_ scope: StaffModule, after entries: [AgendaEntry]) -> SessionForm {
        guard let last = entries.last(where: { !$0.session.isCancelled })?.session else { return SessionForm(day: scope.module.startDate.iso) }
        let end = VenueTime(last.end, in: scope.module.zone)
        return SessionForm(day: end.date.iso, start: end.clock, room: last.room, visibility: last.visibility.rawValue)
    }

    static func form(_ values: FormValues) -> SessionForm {
        var titles: [Language: String] = [:], descriptions: [Language: String] = [:]
        for language in Language.allCases {
            titles[language] = values["title_\(language.rawValue)"]
            descriptions[language] = values["description_\(language.rawValue)"]
        }
        let speakers = values.values.compactMap { key, value -> UUID? in
            guard key.hasPrefix(Self.speakerPrefix), value == "on" else { return nil }
            return UUID(uuidString: String(key.dropFirst(Self.speakerPrefix.count)))
        }
        return SessionForm(day: values["day"], start: values["start"], end: values["end"], titles: titles, descriptions: descriptions,
                           kind: values["kind"], room: values["room"], topics: values["topics"], visibility: values["visibility"],
                           speakers: Set(speakers), isCancelled: values["cancelled"] == "on")
    }

    static let speakerPrefix = "speaker_"

    /// The editor; `material` is the add-a-material form of the session being changed, as typed.
    func page(_ req: Request, _ scope: StaffModule, editing: UUID?, form: SessionForm, errors: [FieldError],
              clashes: [AgendaClash] = [], note: String = "", material: (form: MaterialForm, errors: [FieldError])? = nil) async throws -> Response {
        let store = AgendaStore(db: req.persistence)
        let entries = try await store.entries(moduleID: scope.module.id)
        let versions = try await store.versions(moduleID: scope.module.id)
        let speakers = try await store.speakers(programID: scope.program.id)
        let languages = try await CallStore(db: req.persistence).calls(programID: scope.program.id).flatMap(\.languages)
        // Sessions name only the program's facilitators and resource persons (the store refuses others).
        let names = Dictionary(speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let context = StaffAgendaView.Context(program: scope.program, module: scope.module, zone: scope.module.zone, entries: entries,
                                              versions: versions, names: names)
        let slug = scope.program.slug, moduleID = scope.module.id
        let noteErrors = errors.filter { $0.field == "note" }, sessionErrors = errors.filter { $0.field != "note" }
        let publishForm = FormView(request: req, action: SiteURL.publishAgenda(slug: slug, id: moduleID).path, submitLabel: "Publish",
                                   fields: [FormField("note", "What changed", value: note, errors: noteErrors,
                                                      hint: "Said to participants with the list of changes, like “Day 2 starts an hour later”.").multiline()])
        let fields = AgendaSessionFields.fields(form, module: scope.module, speakers: speakers, languages: Set(languages), errors: sessionErrors,
                                                clashes: !clashes.isEmpty, isEditing: editing != nil)
        let action = editing.map { SiteURL.agendaSession(slug: slug, id: moduleID, sessionID: $0).path } ?? SiteURL.moduleAgenda(slug: slug, id: moduleID).path
        let sessionForm = FormView(request: req, action: action, submitLabel: editing == nil ? "Add session" : "Save session", fields: fields,
                                   cancelHref: editing == nil ? nil : SiteURL.moduleAgenda(slug: slug, id: moduleID).path)
        let clashTexts = clashes.map { Self.text($0, entries: entries, names: names, zone: scope.module.zone) }
        var view = StaffAgendaView(context, csrf: req.csrfToken(), isAdmin: req.actor?.isAdmin ?? false, publishForm: publishForm,
                                   clashes: clashTexts, sessionHeading: editing == nil ? "Add a session" : "Change the session", sessionForm: sessionForm)
        if let editing {
            let materials = try await SessionMaterialStore(db: req.persistence).materials(moduleID: moduleID)[editing] ?? []
            view.materials = SessionMaterialsController.section(req, scope, sessionID: editing, materials: materials,
                                                                form: material?.form ?? MaterialForm(), errors: material?.errors ?? [])
        }
        let failed = !errors.isEmpty || !clashes.isEmpty || !(material?.errors.isEmpty ?? true)
        let refused = !errors.isEmpty || !(material?.errors.isEmpty ?? true)
        return req.page(.staffAgenda, title: view.heading, view, status: refused ? .unprocessableEntity : (clashes.isEmpty ? .ok : .conflict),
                        isError: failed, trail: StaffProgram.trail + [Layout.Crumb(label: scope.program.title, href: SiteURL.programModules(slug: slug).path)])
    }

    /// A clash as the person saving reads it, naming the other session and its time.
    static func text(_ clash: AgendaClash, entries: [AgendaEntry], names: [UUID: String], zone: TimeZone) -> String {
        func other(_ id: UUID) -> String {
            guard let session = entries.first(where: { $0.session.id == id })?.session else { return "another session" }
            let start = VenueTime(session.start, in: zone), end = VenueTime(session.end, in: zone)
            return "“\(session.title.text(in: .english))” (\(start.dayText), \(start.clock)–\(end.clock))"
        }
        switch clash {
        case .speakerInTwoSessions(let person, let session): return "\(names[person] ?? "A speaker") is also in \(other(session)) at that time."
        case .roomUsedTwice(let room, let session): return "\(room) is also used by \(other(session)) at that time."
        case .outsideModuleDates: return "The session is outside the module's dates."
        }
    }
}
