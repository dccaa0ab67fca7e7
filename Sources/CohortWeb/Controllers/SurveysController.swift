import CohortCore
import CohortStore
import Vapor

/// A program's surveys for its managers: the list and a new survey, a survey's results with
/// charts, its settings, reminders, the results as CSV, the needs set against the agenda, and
/// the learning gains of the program's pre/post pairs.
struct SurveysController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programSurveys, use: list)
        routes.post(.programSurveys, use: create)
        routes.get(.surveyResults, use: results)
        routes.get(.surveySettings, use: settings)
        routes.post(.surveySettings, use: saveSettings)
        routes.post(.surveyRemind, use: remind)
        routes.get(.surveyExport, use: export)
        routes.get(.surveyNeeds, use: needs)
        routes.post(.surveyNeeds, use: saveNeeds)
        routes.get(.programLearningGains, use: learningGains)
    }

    func list(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.manageSurveys)
        let setting = try await SurveySetting.load(req, program: program)
        return try await StaffSurveysView.page(req, program, setting: setting, form: SurveyForm.blank(now: req.now, zone: setting.zone), errors: [])
    }

    func create(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.manageSurveys)
        let setting = try await SurveySetting.load(req, program: program)
        let form = SurveyForm(values: try req.formValues().values)
        do {
            let survey = try form.validated(id: UUID(), programID: program.id, choices: setting.choices, current: nil)
            try await SurveyStore(db: req.persistence).create(survey, now: req.now)
            return req.redirect(.surveyResults(slug: program.slug, id: survey.id), flash: .surveyCreated)
        } catch let failure as ValidationFailure {
            return try await StaffSurveysView.page(req, program, setting: setting, form: form, errors: failure.errors, status: .unprocessableEntity)
        }
    }

    func results(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        let store = SurveyStore(db: req.persistence)
        let responses = try await store.responses(surveyID: survey.id)
        let invited = try await store.audience(survey).count
        let threshold = req.config.smallCellThreshold
        let results = SurveyResults.compute(survey, responses: responses.map(\.answers), invited: invited, threshold: threshold)
        let view = SurveyResultsView(req, program: program, survey: survey, results: results, responses: responses.map(\.answers))
        return req.page(.staffSurvey, title: "\(survey.title.text(in: .english)) – \(program.title)", view, trail: StaffProgram.trail)
    }

    func settings(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        let setting = try await SurveySetting.load(req, program: program)
        return try await SurveySettingsView.page(req, program, survey: survey, setting: setting, form: SurveyForm(survey), errors: [])
    }

    func saveSettings(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        let setting = try await SurveySetting.load(req, program: program)
        let form = SurveyForm(values: try req.formValues().values)
        do {
            let changed = try form.validated(id: survey.id, programID: program.id, choices: setting.choices, current: survey)
            try await SurveyStore(db: req.persistence).update(changed, now: req.now)
            return req.redirect(.surveyResults(slug: program.slug, id: survey.id), flash: .saved)
        } catch let failure as ValidationFailure {
            return try await SurveySettingsView.page(req, program, survey: survey, setting: setting, form: form, errors: failure.errors,
                                                     status: .unprocessableEntity)
        }
    }

    /// Reminders now, to those asked who have not answered; at most as often as the survey allows.
    func remind(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        let sent = try await SurveyReminders.remind(survey, programTitle: program.title, app: req.application, now: req.now)
        let flash: Flash = switch sent {
        case .notDue: .remindersNotDue
        case .sent(0): .everyoneAnswered
        case .sent: .remindersQueued
        }
        return req.redirect(.surveyResults(slug: program.slug, id: survey.id), flash: flash)
    }

    /// The responses as CSV: one row each, a column per item; names only for an identified survey.
    func export(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        let actor = try req.requireActor()
        let responses = try await SurveyStore(db: req.persistence).responses(surveyID: survey.id)
        guard !survey.privacy.protectsRespondents || SmallCells.mayShow(responses: responses.count, threshold: req.config.smallCellThreshold) else {
            throw DomainError.refused("This survey has fewer than \(req.config.smallCellThreshold) responses: its answers are not shown or exported until it has more, so nobody's answers can be told apart.")
        }
        let names = survey.privacy == .identified ? try await ProgramParticipantsStore(db: req.persistence).participants(programID: program.id, now: req.now)
            .reduce(into: [UUID: (String, String)]()) { $0[$1.personID] = ($1.name, $1.email ?? "") } : [:]
        let csv = SurveyCSV.document(survey, rows: responses.map { response in
            SurveyCSV.Row(person: response.personID.flatMap { names[$0] }.map { (name: $0.0, email: $0.1) }, answers: response.answers)
        })
        try await ProgramParticipantsStore(db: req.persistence).recordExport(
            accountID: actor.accountID, programID: program.id, list: "survey-\(survey.id.uuidString.lowercased())", filter: [],
            withIdentities: survey.privacy == .identified, rows: responses.count, now: req.now)
        return .csv(csv, filename: "survey-\(program.slug)-\(survey.kind.rawValue).csv")
    }

    func needs(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        guard survey.kind == .needsAssessment else { throw DomainError.notFound("survey") }
        return try await NeedsView.page(req, program: program, survey: survey)
    }

    func saveNeeds(req: Request) async throws -> Response {
        let (program, survey) = try await StaffSurvey.load(req)
        guard survey.kind == .needsAssessment else { throw DomainError.notFound("survey") }
        let values = try req.formValues()
        let topics = survey.form.question(NeedsRanking.needKey)?.rows?.map(\.value) ?? []
        let sessions = try await SurveySetting.load(req, program: program).sessions
        var links: [String: Set<UUID>] = [:]
        for topic in topics {
            links[topic] = Set(sessions.map(\.session.id).filter { values["link__\(topic)__\($0.uuidString.lowercased())"] == "on" })
        }
        try await SurveyStore(db: req.persistence).setNeedLinks(surveyID: survey.id, links: links)
        req.application.publicPageCache.expire()
        return req.redirect(.surveyNeeds(slug: program.slug, id: survey.id), flash: .needsLinked)
    }

    func learningGains(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.manageSurveys)
        let pairs = try await LearningGainsReport.pairs(req, programID: program.id)
        let view = LearningGainsView(req, program: program, pairs: pairs)
        return req.page(.staffLearningGains, title: "Learning gains – \(program.title)", view, trail: StaffProgram.trail)
    }
}

/// Reminders of a survey, from its page or from the maintenance loop: to those asked who
/// have not answered, in their language, at most as often as the survey allows.
enum SurveyReminders {
    static func remind(_ survey: Survey, programTitle: String, app: Application, now: Date) async throws -> SurveyStore.Reminding {
        let messages = PersonMessages(catalogs: app.catalogs, baseURL: app.cohortConfig.baseURL)
        return try await SurveyStore(db: app.persistence).remind(surveyID: survey.id, now: now) { invitee in
            messages.surveyReminder(to: invitee, survey: survey, programTitle: programTitle)
        }
    }

    /// Every open survey whose reminder is due; the first one is its invitation.
    static func sendDue(_ app: Application, now: Date) async throws {
        for (survey, title) in try await SurveyStore(db: app.persistence).remindable(now: now) {
            _ = try await remind(survey, programTitle: title, app: app, now: now)
        }
    }
}

/// The survey named by `:surveyID` in the program named by `:slug`, for its managers. A survey
/// of another program answers "not found".
enum StaffSurvey {
    static func load(_ req: Request) async throws -> (Program, Survey) {
        let program = try await StaffProgram.load(req, for: StaffAction.manageSurveys)
        guard let id = req.parameters.get("surveyID", as: UUID.self),
              let survey = try await SurveyStore(db: req.persistence).survey(id), survey.programID == program.id else {
            throw DomainError.notFound("survey")
        }
        return (program, survey)
    }
}

/// What a survey of the program can be given to: its modules and their sessions, its paired
/// surveys, and the zone its times are read in (the first module's venue).
struct SurveySetting: Sendable {
    let modules: [ProgramModule]
    let sessions: [(module: ProgramModule, session: AgendaSession)]
    let paired: [Survey]
    let zone: String

    var choices: SurveyForm.Choices {
        SurveyForm.Choices(modules: Set(modules.map(\.id)), sessions: Set(sessions.map(\.session.id)),
                           pairable: Dictionary(uniqueKeysWithValues: paired.map { ($0.id, $0.pairID ?? $0.id) }))
    }

    static func load(_ req: Request, program: Program) async throws -> SurveySetting {
        let modules = try await ProgramPartsStore(db: req.persistence).modules(programID: program.id)
        var sessions: [(ProgramModule, AgendaSession)] = []
        for module in modules {
            sessions += try await AgendaStore(db: req.persistence).entries(moduleID: module.id).map { (module, $0.session) }
        }
        let paired = try await SurveyStore(db: req.persistence).pairable(programID: program.id)
        return SurveySetting(modules: modules, sessions: sessions, paired: paired, zone: modules.first?.timeZone ?? "UTC")
    }
}
