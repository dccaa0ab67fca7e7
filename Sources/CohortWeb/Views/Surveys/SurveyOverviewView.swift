import CohortCore
import Vapor

/// A survey as its respondent sees it: what it is, how private their answers are, when it
/// closes, its pages with their state, and the button that sends the answers once.
struct SurveyOverviewView: Sendable {
    /// A page of the survey with its state, drawn as an application's sections are.
    typealias SectionItem = ApplicationOverviewView.SectionItem

    let t: [String: String]
    let programTitle: String
    let title: String
    let intro: String?
    let privacy: String
    let window: String
    let notice: String?
    let isDone: Bool
    let sections: [SectionItem]
    let problems: [FormView.ErrorLink]
    let hasProblems: Bool
    let submitAction: String?
    let csrf: String
    let backHref: String

    static func page(_ context: SurveyAnswerController.Context, notice: String?, problems: [String: AnswerProblem],
                     status: HTTPStatus) throws -> Response {
        let (survey, words, req) = (context.survey, context.words, context.request)
        let window = survey.window(at: req.now)
        let done = context.standing == .responded
        let answers = context.draft
        let progress = FormProgress(form: survey.form, answers: answers)
        let editable = !done && window == .open
        let sections = survey.form.sections.enumerated().map { index, section in
            SectionItem(title: section.title.text(in: words.language),
                        href: editable ? SiteURL.meSurveySection(survey.id, index: index).path : nil,
                        state: done ? words("survey.state.sent") : words("app.state.\(progress.states[index].rawValue)"),
                        stateClass: done ? "state-complete" : "state-\(progress.states[index].rawValue)")
        }
        let windowText: String = switch window {
        case .notYetOpen: words("survey.notYetOpen", ["date": words.dateTime(survey.opensAt, zone: survey.timeZone)])
        case .open: words("survey.openUntil", ["date": words.dateTime(survey.closesAt, zone: survey.timeZone)])
        case .closed: done ? words("survey.closedOn", ["date": words.dateTime(survey.closesAt, zone: survey.timeZone)])
            : words("survey.closedKept", ["date": words.dateTime(survey.closesAt, zone: survey.timeZone)])
        }
        let links = survey.form.sections.enumerated().flatMap { index, section in
            section.questions.compactMap { question in
                problems[question.key].map {
                    FormView.ErrorLink(href: SiteURL.meSurveySection(survey.id, index: index).path + "#f-\(question.key)",
                                       message: "\(question.label.text(in: words.language)): \(words.problem($0))")
                }
            }
        }
        let view = SurveyOverviewView(
            t: WordTable(words, keys: ["survey.send", "survey.sendIntro", "survey.missing", "survey.back", "survey.done"]).table,
            programTitle: context.programTitle, title: survey.title.text(in: words.language),
            intro: survey.intro.isEmpty ? nil : survey.intro.text(in: words.language),
            privacy: words("survey.privacy.\(survey.privacy.rawValue)"), window: windowText, notice: notice, isDone: done,
            sections: sections, problems: links, hasProblems: !links.isEmpty,
            submitAction: editable ? SiteURL.meSurveySubmit(survey.id).path : nil, csrf: req.csrfToken(), backHref: SiteURL.me.path)
        return context.page(.meSurvey, title: survey.title.text(in: words.language), view, status: status,
                            isError: status != .ok)
    }
}
