import CohortCore
import CohortStore
import Vapor

/// Certificates: a module's managers issue them (everyone who meets the completion rule at
/// once, or one person, with a note when below the rule) and revoke them with a reason; the
/// holder and the managers print them; anyone checks one by its code, as a page or as an Open
/// Badges assertion; staff tokens list a program's certificates.
struct CertificatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.moduleCertificates, use: list)
        routes.post(.moduleCertificates, use: issue)
        routes.post(.revokeCertificate, use: revoke)
        routes.get(.certificate, use: print)
        routes.get(.verify, use: verify)
        routes.get(.apiProgramCertificates, use: api)
    }

    private func scope(_ req: Request) async throws -> StaffModule {
        try await StaffModule.load(req, for: StaffAction.manageAgenda)
    }

    // MARK: Issuing and revoking

    func list(req: Request) async throws -> Response {
        try await page(req, try await scope(req), error: nil)
    }

    func issue(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let values = try req.formValues()
        guard let attendance = try await AttendanceStore(db: req.persistence).module(moduleID: scope.module.id, now: req.now) else {
            throw DomainError.notFound("module")
        }
        let people: Set<UUID>
        if values["person"] == "all" {
            people = Set(attendance.completed.map(\.personID))
        } else if let id = UUID(uuidString: values["person"]), attendance.participants.contains(where: { $0.personID == id }) {
            people = [id]
        } else {
            return try await page(req, scope, error: "Choose a participant of the program.", status: .unprocessableEntity)
        }
        let note = TextRules.clean(values["note"])
        guard note.count <= 500 else { return try await page(req, scope, error: "Keep the note to 500 characters.", status: .unprocessableEntity) }
        let outcome = try await CertificateStore(db: req.persistence).issue(
            moduleID: scope.module.id, to: people, note: note.isEmpty ? nil : note, by: req.actor?.accountID, now: req.now,
            code: { [randomness = req.randomness] in VerificationCode.make(using: randomness) })
        switch outcome {
        case .issued:
            return req.redirect(.moduleCertificates(slug: scope.program.slug, id: scope.module.id), flash: .certificatesIssued)
        case .belowRule(let names):
            return try await page(req, scope, error: "\(names.joined(separator: ", ")) does not meet the completion rule: write why the certificate is issued anyway.",
                                  status: .unprocessableEntity)
        }
    }

    func revoke(req: Request) async throws -> Response {
        let scope = try await scope(req)
        guard let id = req.parameters.get("certificateID", as: UUID.self) else { throw DomainError.notFound("certificate") }
        let reason = TextRules.clean(try req.formValues()["reason"])
        guard !reason.isEmpty, reason.count <= 500 else {
            return try await page(req, scope, error: "Give the reason for revoking the certificate, in 500 characters or fewer.",
                                  status: .unprocessableEntity)
        }
        try await CertificateStore(db: req.persistence).revoke(id: id, moduleID: scope.module.id, reason: reason, by: req.actor?.accountID,
                                                           now: req.now)
        return req.redirect(.moduleCertificates(slug: scope.program.slug, id: scope.module.id), flash: .certificateRevoked)
    }

    private func page(_ req: Request, _ scope: StaffModule, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        guard let attendance = try await AttendanceStore(db: req.persistence).module(moduleID: scope.module.id, now: req.now) else {
            throw DomainError.notFound("module")
        }
        let certificates = try await CertificateStore(db: req.persistence).module(scope.module.id)
        let valid = Dictionary(certificates.filter { !$0.isRevoked }.map { ($0.personID, $0) }, uniquingKeysWith: { first, _ in first })
        let csrf = req.csrfToken()
        let rows = attendance.participants.map { person in
            let summary = attendance.summary(of: person.personID)
            let held = valid[person.personID]
            let id = person.personID.uuidString.lowercased()
            return ModuleCertificatesView.Row(
                name: person.name, attendance: "\(summary.sessionsAttended) of \(summary.sessionsHeld) sessions",
                meetsRule: attendance.rule.isMet(by: summary),
                certificate: held.map { CertificatePrintView.printed($0.code) + ($0.overrideNote == nil ? "" : " (issued with a note)") },
                printHref: held.map { SiteURL.certificate($0.id).path }, personID: id,
                revokeAction: held.map { SiteURL.revokeCertificate(slug: scope.program.slug, id: scope.module.id, certificateID: $0.id).path },
                noteID: "note-\(id)", reasonID: "reason-\(id)")
        }
        let revoked = certificates.filter(\.isRevoked).count
        let view = ModuleCertificatesView(
            programTitle: scope.program.title, tabs: Tab.program(slug: scope.program.slug, current: "Modules", isAdmin: req.actor?.isAdmin ?? false),
            heading: "Certificates: Module \(scope.module.number), \(scope.module.title)", ruleText: ModuleAttendanceView.ruleText(attendance.rule),
            summary: "\(attendance.completed.count) of \(attendance.participants.count) participants meet it; \(valid.count) certificates are valid"
                + (revoked == 0 ? "." : ", \(revoked) revoked."),
            action: SiteURL.moduleCertificates(slug: scope.program.slug, id: scope.module.id).path, csrf: csrf, rows: rows, hasRows: !rows.isEmpty,
            canIssueAll: attendance.completed.contains { valid[$0.personID] == nil },
            attendanceHref: SiteURL.moduleAttendance(slug: scope.program.slug, id: scope.module.id).path, error: error)
        return req.page(.staffCertificates, title: "\(view.heading) – \(scope.program.title)", view, status: status, isError: error != nil,
                        trail: StaffProgram.trail)
    }

    // MARK: Printing

    /// The holder (signed in with a link) or the program's managers; nobody else learns it exists.
    func print(req: Request) async throws -> Response {
        guard let id = req.parameters.get("certificateID", as: UUID.self),
              let certificate = try await CertificateStore(db: req.persistence).find(id: id),
              let (detail, module) = try await Self.context(req, certificate) else { throw DomainError.notFound("certificate") }
        var back: (href: String, label: String)?
        let person = try await req.personSession()
        if let actor = req.actor, AccessPolicy.allows(actor, .manageAgenda(detail.program.id)) {
            back = (SiteURL.moduleCertificates(slug: detail.program.slug, id: module.id).path, "Certificates of the module")
        } else if let person,
                  try await PersonAccessStore(db: req.persistence).enrolments(email: person.email).contains(where: { $0.personID == certificate.personID }) {
            back = (SiteURL.me.path, "Your page")
        }
        guard let back else {
            if req.authSession == nil, person == nil { throw req.personSignInRedirect() }
            throw DomainError.notFound("certificate")
        }
        let view = CertificatePrintView(certificate, detail: detail, module: module, baseURL: req.config.baseURL, back: back)
        return req.page(.certificate, title: "Certificate: \(view.name)", view)
    }

    static func context(_ req: Request, _ certificate: CertificateStore.Certificate) async throws -> (ProgramDetail, ProgramModule)? {
        guard let programID = try await ProgramPartsStore(db: req.persistence).programID(ofModule: certificate.moduleID),
              let program = try await ProgramStore(db: req.persistence).findByID(programID),
              let detail = try await ProgramStore(db: req.persistence).detail(slug: program.slug),
              let module = detail.modules.first(where: { $0.id == certificate.moduleID }) else { return nil }
        return (detail, module)
    }

    // MARK: Verifying

    /// Public: the name, program, module, dates and whether it is valid; with `.json`, the same
    /// as an Open Badges 2.0 assertion. A code that is not one answers "not found" either way.
    func verify(req: Request) async throws -> Response {
        var typed = try req.parameters.require("code")
        let wantsJSON = typed.hasSuffix(".json")
        if wantsJSON { typed.removeLast(5) }
        let code = VerificationCode(typed: typed)
        var certificate: CertificateStore.Certificate?
        if let code { certificate = try await CertificateStore(db: req.persistence).find(code: code.value) }
        var context: (ProgramDetail, ProgramModule)?
        if let certificate { context = try await Self.context(req, certificate) }
        if wantsJSON {
            guard let certificate, let (detail, module) = context else { throw RequestProblem.noCertificate }
            let rule = try await AttendanceStore(db: req.persistence).module(moduleID: module.id, now: req.now)?.rule ?? CompletionRule()
            let assertion = OpenBadgeAssertion(certificate, email: certificate.email, detail: detail, module: module, rule: rule,
                                               baseURL: req.config.baseURL)
            let response = try API.json(assertion)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "ld+json", parameters: ["charset": "utf-8"])
            return response
        }
        let shown = code?.description ?? String(typed.prefix(40))
        guard let certificate, let (detail, module) = context else {
            let view = VerificationView(found: false, code: shown, name: "", programTitle: "", moduleText: "", period: "", isValid: false,
                                        statusText: "", jsonHref: "")
            return req.page(.verify, title: "Certificate not found", view, status: .notFound)
        }
        let view = VerificationView(
            found: true, code: shown, name: certificate.name, programTitle: detail.program.title,
            moduleText: "Module \(module.number): \(module.title)", period: module.periodText, isValid: !certificate.isRevoked,
            statusText: certificate.isRevoked ? "Revoked: this certificate is no longer valid." : "Valid",
            jsonHref: SiteURL.verifyJSON(code: shown).path)
        return req.page(.verify, title: "Certificate of \(certificate.name)", view)
    }

    // MARK: The staff API

    struct CertificateList: Encodable {
        struct Item: Encodable {
            struct Person: Encodable { let id: UUID; let name: String }
            struct Module: Encodable { let id: UUID; let number: Int; let title: String }
            let id: UUID
            let person: Person
            let module: Module
            let code: String
            let status: String
            let issuedOn: String
            let revokedOn: String?
        }
        let certificates: [Item]
    }

    func api(req: Request) async throws -> Response {
        let actor = try await StaffAPIController.actor(req)
        guard let detail = try await ProgramStore(db: req.persistence).detail(slug: try req.parameters.require("slug")),
              AccessPolicy.allows(actor, .manageAgenda(detail.program.id)) else { throw RequestProblem.noReadableProgram }
        let modules = Dictionary(uniqueKeysWithValues: detail.modules.map { ($0.id, $0) })
        let items = try await CertificateStore(db: req.persistence).program(detail.program.id).compactMap { certificate -> CertificateList.Item? in
            guard let module = modules[certificate.moduleID] else { return nil }
            return CertificateList.Item(
                id: certificate.id, person: .init(id: certificate.personID, name: certificate.name),
                module: .init(id: module.id, number: module.number, title: module.title), code: CertificatePrintView.printed(certificate.code),
                status: certificate.isRevoked ? "revoked" : "valid", issuedOn: certificate.issuedAt.formatted(.iso8601),
                revokedOn: certificate.revokedAt?.formatted(.iso8601))
        }
        return try API.json(CertificateList(certificates: items))
    }
}
