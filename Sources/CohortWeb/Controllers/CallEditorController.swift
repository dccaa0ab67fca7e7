import CohortCore
import CohortStore
import Vapor

/// A call's settings and eligibility rules, for the program's managers.
struct CallEditorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.newCall, use: newForm)
        routes.post(.newCall, use: create)
        routes.get(.editCall, use: editForm)
        routes.post(.editCall, use: update)
    }

    func newForm(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.manageCalls)
        let prefix = "MWP" + String(CalendarDate(req.now).year)
        return try await page(req, program: program, form: CallForm.blank(now: req.now, prefix: prefix), errors: [], call: nil)
    }

    func create(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.manageCalls)
        let form = CallForm(values: try req.formValues().values)
        do {
            let form0 = FormDefinition(version: 1, sections: [ProfileSection.section])
            let (call, rules) = try form.validated(id: UUID(), programID: program.id, questions: form0.questions, current: nil)
            try await CallStore(db: req.persistence).create(call, rules: rules, form: form0, now: req.now)
            return req.redirect(.callForm(call.id), flash: .created)
        } catch let failure as ValidationFailure {
            return try await page(req, program: program, form: form, errors: failure.errors, call: nil)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        return try await page(req, program: program, form: CallForm(loaded.call, rules: loaded.rules), errors: [], call: loaded.call)
    }

    func update(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        var form = CallForm(values: try req.formValues().values)
        form.currentHasReferences = try await CallStore(db: req.persistence).referencesIssued(callID: loaded.call.id)
        do {
            let (call, rules) = try form.validated(id: loaded.call.id, programID: program.id, questions: loaded.form.questions, current: loaded.call)
            try await CallStore(db: req.persistence).update(call, rules: rules, now: req.now)
            return req.redirect(.editCall(call.id), flash: .saved)
        } catch let failure as ValidationFailure {
            return try await page(req, program: program, form: form, errors: failure.errors, call: loaded.call)
        }
    }

    private func page(_ req: Request, program: Program, form: CallForm, errors: [FieldError], call: Call?) async throws -> Response {
        let action = call.map { SiteURL.editCall($0.id).path } ?? SiteURL.newCall(slug: program.slug).path
        let view = CallEditorView(
            heading: call.map { "Settings – \($0.title.text(in: .english))" } ?? "New call for applications",
            intro: call == nil ? "Save the settings first; then build the form. The call stays unpublished until you tick Published." : nil,
            formHref: call.map { SiteURL.callForm($0.id).path },
            applicationsHref: call.map { SiteURL.callApplications($0.id).path },
            publicHref: call.map { SiteURL.call($0.id).path },
            form: FormView(request: req, action: action, submitLabel: call == nil ? "Create call" : "Save settings",
                           fields: CallEditorFields.fields(form, errors: errors), cancelHref: SiteURL.programCalls(slug: program.slug).path))
        return req.page(.staffCall, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path)])
    }
}

/// The settings form's fields: texts for each offered language, then dates, then rules.
enum CallEditorFields {
    static func fields(_ form: CallForm, errors: [FieldError]) -> [FormField] {
        let languages = form.languages
        func field(_ name: String, _ label: String, hint: String? = nil) -> FormField {
            FormField(name, label, value: form[name], errors: errors, hint: hint)
        }
        func checkboxes(_ name: String, _ label: String, hint: String?, _ options: [(value: String, label: String)], prefix: String) -> FormField {
            var group = FormField(name, label, value: "", errors: errors, hint: hint)
            group.options = options.map {
                FormField.Option(value: $0.value, label: $0.label, selected: form["\(prefix)\($0.value)"] == "on",
                                 id: "f-\(prefix)\($0.value)", name: "\(prefix)\($0.value)")
            }
            group.asCheckboxes = true
            group.required = false
            return group
        }
        func checkbox(_ name: String, _ label: String) -> FormField {
            var box = FormField(name, label, value: form[name] == "on" ? "on" : "", errors: errors).type("checkbox")
            box.required = false
            return box
        }
        var fields: [FormField] = []
        for language in languages {
            let suffix = language == .english ? "" : " (\(language.nativeName))"
            fields.append(field("title_\(language.rawValue)", "Title\(suffix)").optionalUnless(language == .english))
            fields.append(field("description_\(language.rawValue)", "What the call is\(suffix)",
                                hint: language == .english ? "Who it is for, what the program offers. Leave an empty line between paragraphs." : nil)
                .multiline().optionalUnless(language == .english))
            fields.append(field("privacy_\(language.rawValue)", "Privacy notice\(suffix)",
                                hint: language == .english ? "Who reads applications, what is shared, how to ask for deletion." : nil)
                .multiline().optionalUnless(language == .english))
        }
        fields += [
            checkboxes("languages", "Languages applicants may use", hint: "Texts for each ticked language appear above once you save. English is always offered.",
                       Language.allCases.map { ($0.rawValue, "\($0.nativeName) (\($0.englishName))") }, prefix: "lang_"),
            field("timeZone", "Time zone of the dates").choices(TimeZone.knownTimeZoneIdentifiers.sorted().map { ($0, $0) }),
            field("opensAt", "Opens").type("datetime-local"),
            field("closesAt", "Closes", hint: "Applicants see this deadline in this zone, and in their own when it differs.").type("datetime-local"),
            field("graceMinutes", "Grace period in minutes", hint: "Submissions are still taken this long after closing, for slow connections.").numeric(),
            field("targetCohortSize", "Places in the cohort").numeric().optional(),
            field("contactEmail", "Contact address for applicants").type("email"),
            field("referencePrefix", "Reference prefix", hint: "References read like MWP2017-0042. Fixed once the first reference is given."),
            checkbox("published", "Published: the call page is public, and it opens and closes by its dates"),
            checkbox("editAfterSubmit", "Applicants may change a submitted application until the deadline"),
            field("nationalities", "Nationalities that may apply", hint: "Country codes separated by commas, like MY, NP, BD. Empty: any nationality.").optional(),
            field("residences", "Countries of residence that may apply", hint: "Country codes, like MY. Empty: anywhere.").optional(),
            checkboxes("sectors", "Sectors that may apply", hint: "None ticked: any sector.",
                       OrganisationKind.allCases.map { ($0.rawValue, $0.label) }, prefix: "sector_"),
            field("minimumYears", "Minimum years of experience").numeric().optional(),
            field("requiredAnswers", "Required answers",
                  hint: "One rule per line: question key, colon, accepted answers. For example “works_with_migrants: yes”.").multiline().optional(),
        ]
        return fields
    }
}

extension FormField {
    func optionalUnless(_ required: Bool) -> FormField {
        required ? self : optional()
    }

    /// Text with a numeric keyboard: a number field would drop what was typed if it is not a number.
    func numeric() -> FormField {
        var copy = self
        copy.inputMode = "numeric"
        return copy
    }
}
