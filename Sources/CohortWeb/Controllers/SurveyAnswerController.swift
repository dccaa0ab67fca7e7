import CohortCore
import CohortStore
import Vapor

/// A signed-in participant answering a survey: one page per section, each saved on the
/// server as it is sent, resumable from `/me`, sent once. The survey is found from the
/// person's own rows: a survey they are not asked answers "not found".
struct SurveyAnswerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.meSurvey, use: overview)
        routes.get(.meSurveySection, use: section)
        routes.post(.meSurveySection, use: saveSection)
        routes.post(.meSurveySubmit, use: submit)
    }

    /// The person, the survey, and where they stand with it.
    struct Context {
        let request: Request
        let survey: Survey
        let programTitle: String
        let personID: UUID
        let standing: SurveyStore.Standing
        let words: Words

        var draft: [String: Answer] {
            if case .answering(let answers) = standing { return answers }
            return [:]
        }

        func page<Content: Sendable>(_ template: Template, title: String, _ content: Content, status: HTTPStatus = .ok, isError: Bool = false) -> Response {
            request.applicantPage(template, title: title, content, language: words.language, offered: Language.allCases, status: status, isError: isError)
        }
    }

    static func context(_ req: Request) async throws -> Context {
        let me = try await MeController.context(req)
        guard let id = req.parameters.get("surveyID", as: UUID.self),
              let survey = try await SurveyStore(db: req.persistence).survey(id) else { throw DomainError.notFound("survey") }
        let store = SurveyStore(db: req.persistence)
        for enrolment in me.enrolments where enrolment.programID == survey.programID && enrolment.role == .participant {
            let standing = try await store.standing(surveyID: survey.id, personID: enrolment.personID)
            if standing != .notAsked {
                return Context(request: req, survey: survey, programTitle: enrolment.programTitle, personID: enrolment.personID,
                               standing: standing, words: req.words(me.language))
            }
        }
        throw DomainError.notFound("survey")
    }

    func overview(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let notice: String? = req.query[String.self, at: "saved"] != nil ? context.words("survey.saved") : nil
        return try SurveyOverviewView.page(context, notice: notice, problems: [:], status: .ok)
    }

    func section(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let index = try Self.sectionIndex(req, survey: context.survey)
        guard case .answering(let answers) = context.standing, context.survey.window(at: req.now) == .open else {
            return req.redirect(to: SiteURL.meSurvey(context.survey.id).path, redirectType: .normal)
        }
        return sectionPage(context, index: index, answers: answers, messages: [:], status: .ok)
    }

    func saveSection(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let index = try Self.sectionIndex(req, survey: context.survey)
        let values = try req.formValues()
        guard case .answering = context.standing else {
            return req.redirect(to: SiteURL.meSurvey(context.survey.id).path, redirectType: .normal)
        }
        let questions = context.survey.form.sections[index].questions
        // Saved first, valid or not and also after closing: nothing typed is thrown away.
        let saved = try await SurveyStore(db: req.persistence).saveDraft(
            surveyID: context.survey.id, personID: context.personID, answers: QuestionFields.answers(values, questions: questions), now: req.now)
        if values["action"] == "autosave" { return Response(status: .noContent) }
        if context.survey.window(at: req.now) != .open {
            let refreshed = Context(request: req, survey: context.survey, programTitle: context.programTitle, personID: context.personID,
                                    standing: .answering(saved), words: context.words)
            return try SurveyOverviewView.page(refreshed, notice: nil, problems: [:], status: .unprocessableEntity)
        }
        if values["action"] == "later" {
            return req.redirect(to: SiteURL.meSurvey(context.survey.id).path + "?saved=1", redirectType: .normal)
        }
        let problems = AnswerValidator.problems(saved, questions: questions)
        if !problems.isEmpty {
            return sectionPage(context, index: index, answers: saved, messages: problems.mapValues(context.words.problem), status: .unprocessableEntity)
        }
        let next = index + 1 < context.survey.form.sections.count
            ? SiteURL.meSurveySection(context.survey.id, index: index + 1) : SiteURL.meSurvey(context.survey.id)
        return req.redirect(to: next.path, redirectType: .normal)
    }

    func submit(req: Request) async throws -> Response {
        let context = try await Self.context(req)
        let survey = context.survey
        let pseudonym = SurveyPseudonym.make(survey: survey, personID: context.personID, key: req.config.secretKey)
        let outcome = try await SurveyStore(db: req.persistence).submit(surveyID: survey.id, personID: context.personID, pseudonym: pseudonym,
                                                                         language: context.words.language, now: req.now)
        if outcome == .submitted && survey.kind == .needsAssessment { req.application.publicPageCache.expire() }
        switch outcome {
        case .submitted, .alreadySubmitted:
            // A second click or a retry lands on the same thank-you.
            return req.redirect(to: SiteURL.meSurvey(survey.id).path, redirectType: .normal)
        case .closed, .notYetOpen:
            return try SurveyOverviewView.page(context, notice: nil, problems: [:], status: .unprocessableEntity)
        case .incomplete(let problems):
            return try SurveyOverviewView.page(context, notice: nil, problems: problems, status: .unprocessableEntity)
        }
    }

    static func sectionIndex(_ req: Request, survey: Survey) throws -> Int {
        guard let number = req.parameters.get("index", as: Int.self), (1...survey.form.sections.count).contains(number) else {
            throw DomainError.notFound("page")
        }
        return number - 1
    }

    private func sectionPage(_ context: Context, index: Int, answers: [String: Answer], messages: [String: String], status: HTTPStatus) -> Response {
        let (survey, words, req) = (context.survey, context.words, context.request)
        let section = survey.form.sections[index]
        let fields = QuestionFields.fields(section.questions, answers: answers, messages: messages, words: words)
        let view = SectionPageView(
            t: WordTable(words, keys: ["autosave.saving", "autosave.saved", "autosave.offline", "autosave.failed"]).table,
            script: req.application.staticAssets.autosaveURL, callTitle: survey.title.text(in: words.language),
            step: words("app.step", ["n": "\(index + 1)", "total": "\(survey.form.sections.count)"]),
            heading: section.title.text(in: words.language), intro: section.intro.isEmpty ? nil : section.intro.text(in: words.language),
            form: QuestionFields.form(request: req, action: SiteURL.meSurveySection(survey.id, index: index).path, submit: words("app.continue"),
                                      secondary: words("app.saveLater"), fields: fields, words: words, autosave: true))
        return context.page(.section, title: section.title.text(in: words.language), view, status: status, isError: !messages.isEmpty)
    }
}

/// A person's pseudonym in a paired survey: a keyed hash of the person and the pair, the
/// same in the two halves and different in every other pair. The key is the server's, never shown.
enum SurveyPseudonym {
    static func make(survey: Survey, personID: UUID, key: [UInt8]) -> String? {
        guard survey.privacy == .paired else { return nil }
        let pair = (survey.pairID ?? survey.id).uuidString.lowercased()
        return String(SecretToken.pseudonym("survey-pair:\(pair):\(personID.uuidString.lowercased())", key: key).prefix(32))
    }
}
