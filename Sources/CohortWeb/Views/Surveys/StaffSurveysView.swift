import CohortCore
import CohortStore
import Vapor

/// A program's surveys as a table, and the form that adds one.
struct StaffSurveysView: Sendable {
    struct Row: Sendable {
        let title: String
        let href: String
        let kind: String
        let privacy: String
        let audience: String
        let window: String
        let state: String
        let responses: String
        let isSample: Bool
    }

    let programTitle: String
    let tabs: [Tab]
    let rows: [Row]
    let hasRows: Bool
    let learningGainsHref: String
    let form: FormView

    static func page(_ req: Request, _ program: Program, setting: SurveySetting, form: SurveyForm, errors: [FieldError],
                     status: HTTPStatus = .ok) async throws -> Response {
        let store = SurveyStore(db: req.persistence)
        var rows: [Row] = []
        for (survey, responses) in try await store.surveys(programID: program.id) {
            let invited = try await store.audience(survey).count
            rows.append(Row(title: survey.title.text(in: .english), href: SiteURL.surveyResults(slug: program.slug, id: survey.id).path,
                            kind: survey.kind.label, privacy: survey.privacy.rawValue.capitalized,
                            audience: audienceText(survey.audience, setting: setting),
                            window: "\(LocalDateTime.format(survey.opensAt, zone: survey.timeZone).replacingOccurrences(of: "T", with: " ")) to \(LocalDateTime.format(survey.closesAt, zone: survey.timeZone).replacingOccurrences(of: "T", with: " "))",
                            state: stateText(survey.window(at: req.now)), responses: "\(responses) of \(invited)", isSample: survey.isSample))
        }
        let view = StaffSurveysView(
            programTitle: program.title, tabs: Tab.program(slug: program.slug, current: "Surveys", isAdmin: req.actor?.isAdmin ?? false),
            rows: rows, hasRows: !rows.isEmpty, learningGainsHref: SiteURL.programLearningGains(slug: program.slug).path,
            form: FormView(request: req, action: SiteURL.programSurveys(slug: program.slug).path, submitLabel: "Create the survey",
                           fields: fields(form, setting: setting, errors: errors, isNew: true)))
        return req.page(.staffSurveys, title: "Surveys – \(program.title)", view, status: status, isError: !errors.isEmpty, trail: StaffProgram.trail)
    }

    static func stateText(_ window: Survey.Window) -> String {
        switch window {
        case .notYetOpen: "Not open yet"
        case .open: "Open"
        case .closed: "Closed"
        }
    }

    static func audienceText(_ audience: SurveyAudience, setting: SurveySetting) -> String {
        switch audience {
        case .program: "All participants"
        case .module(let id): setting.modules.first { $0.id == id }.map { "Module \($0.number) participants" } ?? "A module's participants"
        case .session(let id): setting.sessions.first { $0.session.id == id }.map { "Attendees of “\($0.session.title.text(in: .english))”" } ?? "A session's attendees"
        }
    }

    /// The survey's fields; a new survey also chooses its kind, privacy, pair and topics, which stay once it exists.
    static func fields(_ form: SurveyForm, setting: SurveySetting, errors: [FieldError], isNew: Bool) -> [FormField] {
        var fields: [FormField] = []
        if isNew {
            fields.append(FormField("kind", "What the survey is for", value: form["kind"], errors: errors)
                .choices(SurveyKind.allCases.map { ($0.rawValue, $0.label) }))
        }
        fields.append(FormField("title", "Title", value: form["title"], errors: errors,
                                hint: "Participants see it, like “Module 1: what do you need?”."))
        var intro = FormField("intro", "Introduction", value: form["intro"], errors: errors, hint: "A few words on why you ask.").multiline()
        intro.required = false
        fields.append(intro)
        // Respondents read their language where it is given, English where it is not.
        for language in SurveyForm.translations {
            var title = FormField("title_\(language.rawValue)", "Title in \(language.englishName)", value: form["title_\(language.rawValue)"], errors: errors)
            title.required = false
            var intro = FormField("intro_\(language.rawValue)", "Introduction in \(language.englishName)", value: form["intro_\(language.rawValue)"],
                                  errors: errors).multiline()
            intro.required = false
            fields += [title, intro]
        }
        if isNew {
            fields.append(FormField("privacy", "Privacy", value: form["privacy"], errors: errors,
                                    hint: "Self-assessments before and after are always paired. Anonymous and paired surveys show no figure until enough people have answered.")
                .choices(SurveyPrivacy.allCases.map { ($0.rawValue, $0.label) }))
            var pair = FormField("pairWith", "Pair with", value: form["pairWith"], errors: errors,
                                 hint: "For a self-assessment after the program: the one before it, so each person's answers can be matched.")
                .choices(setting.paired.map { ($0.id.uuidString.lowercased(), $0.title.text(in: .english)) }, placeholder: "None: start a new pair")
            pair.required = false
            fields.append(pair)
            var topics = FormField("topics", "Topics", value: form["topics"], errors: errors,
                                   hint: "One per line. A needs assessment asks how much each is needed and known; a self-assessment asks what people know and can do about each.").multiline()
            topics.required = false
            fields.append(topics)
        }
        let audiences = [("program", "All the program's participants")]
            + setting.modules.map { ("module:\($0.id.uuidString.lowercased())", "Module \($0.number): \($0.title) (who attended it; everyone before it starts)") }
            + setting.sessions.filter { $0.session.kind != .breakTime && $0.session.kind != .meal }
                .map { ("session:\($0.session.id.uuidString.lowercased())", "Module \($0.module.number) session: \($0.session.title.text(in: .english)) (who attended it)") }
        fields.append(FormField("audience", "Who is asked", value: form["audience"], errors: errors).choices(audiences))
        fields.append(FormField("opensAt", "Opens", value: form["opensAt"], errors: errors, hint: "Date and time, like 2026-12-01 09:00.").type("datetime-local"))
        fields.append(FormField("closesAt", "Closes", value: form["closesAt"], errors: errors).type("datetime-local"))
        fields.append(FormField("timeZone", "Time zone", value: form["timeZone"], errors: errors).choices(ProgramModulesController.zoneChoices))
        var reminder = FormField("reminderDays", "Remind at most every (days)", value: form["reminderDays"], errors: errors,
                                 hint: "Empty for no reminders. Only those who have not answered are reminded.")
        reminder.inputMode = "numeric"
        reminder.required = false
        fields.append(reminder)
        return fields
    }
}

/// A survey's settings: its title, who is asked, when it is open and how often to remind.
enum SurveySettingsView {
    static func page(_ req: Request, _ program: Program, survey: Survey, setting: SurveySetting, form: SurveyForm, errors: [FieldError],
                     status: HTTPStatus = .ok) async throws -> Response {
        let view = StaffFormView(
            heading: "Settings: \(survey.title.text(in: .english))",
            intro: "\(survey.kind.label), \(survey.privacy.rawValue). What it asks and how private it is stay as they were created, so that every answer means the same.",
            form: FormView(request: req, action: SiteURL.surveySettings(slug: program.slug, id: survey.id).path, submitLabel: "Save",
                           fields: StaffSurveysView.fields(form, setting: setting, errors: errors, isNew: false),
                           cancelHref: SiteURL.surveyResults(slug: program.slug, id: survey.id).path),
            tabs: Tab.program(slug: program.slug, current: "Surveys", isAdmin: req.actor?.isAdmin ?? false))
        return req.page(.staffForm, title: "Survey settings – \(program.title)", view, status: status, isError: !errors.isEmpty, trail: StaffProgram.trail)
    }
}
