import CohortCore
import CohortStore
import Vapor

/// Attendance: a session's check-in list (for the facilitators and resource persons who speak
/// in it, and the program's managers), participants checking themselves in with the session's
/// code, and a module's summary with its completion rule and CSV.
struct AttendanceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.sessionAttendance, use: list)
        routes.post(.sessionAttendance, use: save)
        routes.post(.meCheckIn, use: checkIn)
        routes.get(.moduleAttendance, use: summary)
        routes.post(.moduleAttendance, use: saveRule)
        routes.get(.moduleAttendanceExport, use: export)
    }

    // MARK: The check-in list

    /// Who may take a session's attendance, and as whom it is recorded.
    private struct Taker {
        let marker: AttendanceStore.Marker
        let back: (href: String, label: String)
    }

    /// The program's managers (staff) and the session's own speakers (signed in with a link);
    /// anyone else is told the session does not exist, and someone signed in as neither is sent to sign in.
    private func taker(_ req: Request, _ sheet: AttendanceStore.Sheet) async throws -> Taker {
        if let session = req.authSession, !session.account.mustChangePassword,
           AccessPolicy.allows(session.actor, .manageAgenda(sheet.programID)),
           let slug = try await ProgramStore(db: req.persistence).findByID(sheet.programID)?.slug {
            return Taker(marker: .staff, back: (SiteURL.moduleAttendance(slug: slug, id: sheet.session.moduleID).path, "Attendance of the module"))
        }
        if let person = try await req.personSession() {
            let people = Set(try await PersonAccessStore(db: req.persistence).enrolments(email: person.email).map(\.personID))
            if !people.isDisjoint(with: sheet.session.speakers) { return Taker(marker: .facilitator, back: (SiteURL.me.path, "Your page")) }
            throw DomainError.notFound("session")
        }
        if req.authSession != nil { throw DomainError.notFound("session") }
        throw req.personSignInRedirect()
    }

    private func sheet(_ req: Request) async throws -> AttendanceStore.Sheet {
        guard let id = req.parameters.get("sessionID", as: UUID.self),
              let sheet = try await AttendanceStore(db: req.persistence).sheet(sessionID: id) else { throw DomainError.notFound("session") }
        return sheet
    }

    func list(req: Request) async throws -> Response {
        let sheet = try await sheet(req)
        let taker = try await taker(req, sheet)
        return try await page(req, sheet, taker: taker, ticked: nil, error: nil)
    }

    func save(req: Request) async throws -> Response {
        let sheet = try await sheet(req)
        let taker = try await taker(req, sheet)
        let values = try req.formValues()
        let expected = Set(sheet.expected.map(\.personID))
        var ticked = Set<UUID>(), shown = Set<UUID>()
        var unknown = false
        for (name, value) in values.values where !value.isEmpty {
            for (prefix, into) in [("present_", 0), ("shown_", 1)] where name.hasPrefix(prefix) {
                guard let id = UUID(uuidString: String(name.dropFirst(prefix.count))), expected.contains(id) else { unknown = true; continue }
                if into == 0 { ticked.insert(id) } else { shown.insert(id) }
            }
        }
        if unknown {
            return try await page(req, sheet, taker: taker, ticked: ticked, shown: shown,
                                  error: "Tick only the program's participants: the list changed, reload it.")
        }
        // Only what the person changed on the list as it was shown to them: someone who checked
        // themselves in meanwhile is not marked absent by a list loaded before they did.
        let everyone = values["action"] == "everyone"
        try await AttendanceStore(db: req.persistence).save(sessionID: sheet.session.id, adding: everyone ? expected : ticked.subtracting(shown),
                                                            removing: everyone ? [] : shown.subtracting(ticked), by: taker.marker, now: req.now)
        return req.redirect(.sessionAttendance(sessionID: sheet.session.id), flash: .attendanceSaved)
    }

    private func page(_ req: Request, _ sheet: AttendanceStore.Sheet, taker: Taker, ticked: Set<UUID>?, shown: Set<UUID>? = nil,
                      error: String?) async throws -> Response {
        let code = try await AttendanceStore(db: req.persistence).checkInCode(sessionID: sheet.session.id, make: { [randomness = req.randomness] in
            CheckIn.makeCode(using: randomness)
        })
        let module = try await ProgramPartsStore(db: req.persistence).module(programID: sheet.programID, moduleID: sheet.session.moduleID)
        let view = CheckInListView(sheet: sheet, moduleTitle: module.map { "Module \($0.number): \($0.title)" } ?? "", code: code, now: req.now,
                                   action: SiteURL.sessionAttendance(sessionID: sheet.session.id).path, csrf: req.csrfToken(),
                                   back: taker.back, ticked: ticked, shown: shown, error: error)
        return req.page(.checkIn, title: "Check-in: \(view.title)", view, status: error == nil ? .ok : .unprocessableEntity, isError: error != nil)
    }

    // MARK: Checking oneself in

    func checkIn(req: Request) async throws -> Response {
        let person = try await req.requirePerson()
        let values = try req.formValues()
        let people = Set(try await PersonAccessStore(db: req.persistence).enrolments(email: person.email).map(\.personID))
        let outcome: AttendanceStore.CheckInOutcome
        if let code = CheckIn.code(typed: values["code"]) {
            outcome = try await AttendanceStore(db: req.persistence).checkIn(
                code: code, people: people, triesKey: SecretToken.pseudonym("check-in:\(person.email)", key: req.config.secretKey), now: req.now)
        } else {
            outcome = .wrongCode
        }
        switch outcome {
        case .checkedIn: return req.redirect(to: SiteURL.me.path + "?done=checkIn", redirectType: .normal)
        case .wrongCode: return try await MeController().home(req, checkInCode: values["code"], problem: "me.checkIn.wrong", status: .unprocessableEntity)
        case .tooManyTries: return try await MeController().home(req, checkInCode: values["code"], problem: "me.checkIn.tooMany", status: .tooManyRequests)
        }
    }

    // MARK: A module's summary

    private func scope(_ req: Request) async throws -> StaffModule {
        try await StaffModule.load(req, for: StaffAction.manageAgenda)
    }

    func summary(req: Request) async throws -> Response {
        let scope = try await scope(req)
        return try await summaryPage(req, scope, measure: nil, percent: nil, errors: [])
    }

    func saveRule(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let values = try req.formValues()
        var errors = FieldErrorList()
        let measure = CompletionRule.Measure(rawValue: values["measure"])
        if measure == nil { errors.add("measure", "Choose sessions or hours.") }
        let percent = Int(values["percent"].trimmingCharacters(in: .whitespaces)).flatMap { (1...100).contains($0) ? $0 : nil }
        if percent == nil { errors.add("percent", "Enter a whole number of per cent from 1 to 100.") }
        guard errors.isEmpty, let measure, let percent else {
            return try await summaryPage(req, scope, measure: values["measure"], percent: values["percent"], errors: errors.errors)
        }
        try await AttendanceStore(db: req.persistence).setRule(moduleID: scope.module.id, CompletionRule(measure: measure, minimumPercent: percent))
        return req.redirect(.moduleAttendance(slug: scope.program.slug, id: scope.module.id), flash: .saved)
    }

    private func summaryPage(_ req: Request, _ scope: StaffModule, measure: String?, percent: String?, errors: [FieldError]) async throws -> Response {
        guard let attendance = try await AttendanceStore(db: req.persistence).module(moduleID: scope.module.id, now: req.now) else {
            throw DomainError.notFound("module")
        }
        let fields = [
            FormField("measure", "Counted in", value: measure ?? attendance.rule.measure.rawValue, errors: errors)
                .choices([(CompletionRule.Measure.sessions.rawValue, "Sessions"), (CompletionRule.Measure.hours.rawValue, "Hours")]),
            Self.numeric(FormField("percent", "At least (per cent)", value: percent ?? "\(attendance.rule.minimumPercent)", errors: errors,
                                   hint: "A whole number from 1 to 100, like 80.")),
        ]
        let form = FormView(request: req, action: SiteURL.moduleAttendance(slug: scope.program.slug, id: scope.module.id).path,
                            submitLabel: "Save the rule", fields: fields)
        let view = ModuleAttendanceView(program: scope.program, module: scope.module, attendance: attendance,
                                        tabs: Tab.program(slug: scope.program.slug, current: "Modules", isAdmin: req.actor?.isAdmin ?? false),
                                        ruleForm: form)
        return req.page(.staffAttendance, title: "\(view.heading) – \(scope.program.title)", view,
                        status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty, trail: StaffProgram.trail)
    }

    private static func numeric(_ field: FormField) -> FormField {
        var field = field
        field.inputMode = "numeric"
        return field
    }

    /// One row per participant: their sessions and hours against the rule; names only when
    /// asked. Every export is recorded, like those of the participants list.
    func export(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let actor = try req.requireActor()
        guard let attendance = try await AttendanceStore(db: req.persistence).module(moduleID: scope.module.id, now: req.now) else {
            throw DomainError.notFound("module")
        }
        let withNames = req.query[String.self, at: "names"] == "1"
        let rows = attendance.participants.enumerated().map { index, person in
            let summary = attendance.summary(of: person.personID)
            return [withNames ? person.name : String(format: "P%03d", index + 1), person.country?.code ?? "",
                    "\(summary.sessionsAttended)", "\(summary.sessionsHeld)", ModuleAttendanceView.hours(summary.hoursAttended),
                    ModuleAttendanceView.hours(summary.hoursHeld), attendance.rule.isMet(by: summary) ? "yes" : "no"]
        }
        let csv = CSVWriter.document(header: [withNames ? "name" : "participant", "country", "sessions_attended", "sessions_held",
                                              "hours_attended", "hours_held", "meets_rule"], rows: rows)
        try await ProgramParticipantsStore(db: req.persistence).recordExport(
            accountID: actor.accountID, programID: scope.program.id, list: "attendance-module-\(scope.module.number)", filter: [],
            withIdentities: withNames, rows: rows.count, now: req.now)
        return .csv(csv, filename: "attendance-module-\(scope.module.number)\(withNames ? "-with-names" : "").csv")
    }
}
