import CohortCore
import CohortStore
import Vapor

/// The form builder: a call's own sections and questions, added, edited, reordered and
/// removed. Every change saves a new form version; applications keep the version they
/// were answered against, so nothing already answered changes under anyone.
struct FormBuilderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.callForm, use: builder)
        routes.get(.callFormSection, use: sectionForm)
        routes.post(.callFormSection, use: saveSection)
        routes.get(.callFormQuestion, use: questionForm)
        routes.post(.callFormQuestion, use: saveQuestion)
        routes.post(.callFormMove, use: move)
        routes.post(.callFormRemove, use: remove)
        routes.get(.callPreview, use: preview)
        routes.post(.callPreview, use: previewNext)
    }

    func builder(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        let perVersion = try await CallStore(db: req.persistence).applicationsPerVersion(callID: loaded.call.id)
        let view = FormBuilderPresenter(request: req, loaded: loaded, applicationsPerVersion: perVersion).view()
        return req.page(.staffFormBuilder, title: "Form – \(loaded.call.title.text(in: .english))", view,
                        trail: Self.trail(program, callID: loaded.call.id))
    }

    // MARK: Sections

    func sectionForm(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        let key = req.query[String.self, at: "key"]
        let existing = key.flatMap { key in loaded.form.sections.first { $0.key == key && $0.key != ProfileSection.key } }
        if key != nil && existing == nil { throw DomainError.notFound("section") }
        let form = existing.map { SectionForm($0, languages: loaded.call.languages) } ?? SectionForm()
        return sectionPage(req, loaded: loaded, program: program, form: form, replacing: existing?.key, version: loaded.form.version, errors: [])
    }

    func saveSection(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        let values = try req.formValues()
        let form = SectionForm(values: values.values)
        let replacing = values["replacing"].isEmpty ? nil : values["replacing"]
        let existing = replacing.flatMap { key in loaded.form.sections.first { $0.key == key } }
        let taken = Set(loaded.form.sections.map(\.key)).subtracting([replacing ?? ""])
        do {
            let section = try form.validated(languages: loaded.call.languages, takenKeys: taken, questions: existing?.questions ?? [])
            try await publish(req, loaded, FormEdit.putSection(loaded.form.sections, section, replacing: replacing), expected: values["version"])
            return req.redirect(.callForm(loaded.call.id), flash: .saved)
        } catch let failure as ValidationFailure {
            return sectionPage(req, loaded: loaded, program: program, form: form, replacing: replacing,
                               version: Int(values["version"]) ?? loaded.form.version, errors: failure.errors)
        }
    }

    private func sectionPage(_ req: Request, loaded: CallStore.Loaded, program: Program, form: SectionForm, replacing: String?,
                             version: Int, errors: [FieldError]) -> Response {
        var fields = [FormField("key", "Key", value: form["key"], errors: errors, hint: "A short name that stays the same, like your_work.")]
        for language in loaded.call.languages {
            let suffix = language == .english ? "" : " (\(language.nativeName))"
            fields.append(FormField("title_\(language.rawValue)", "Title\(suffix)", value: form["title_\(language.rawValue)"], errors: errors)
                .optionalUnless(language == .english))
            fields.append(FormField("intro_\(language.rawValue)", "Introduction\(suffix)", value: form["intro_\(language.rawValue)"], errors: errors)
                .multiline().optional())
        }
        fields += Self.hidden(replacing: replacing, version: version)
        let view = StaffFormView(heading: replacing == nil ? "New section" : "Edit section",
                                 intro: "Sections are pages of the form. Applicants fill in one section per page.",
                                 form: FormView(request: req, action: SiteURL.callFormSection(loaded.call.id).path,
                                                submitLabel: "Save section", fields: fields, cancelHref: SiteURL.callForm(loaded.call.id).path))
        return req.page(.staffForm, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty,
                        trail: Self.trail(program, callID: loaded.call.id))
    }

    // MARK: Questions

    func questionForm(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        let sectionKey = req.query[String.self, at: "section"] ?? ""
        let key = req.query[String.self, at: "key"]
        let ownSections = loaded.form.sections.filter { $0.key != ProfileSection.key }
        let existing = key.flatMap { key in ownSections.flatMap(\.questions).first { $0.key == key } }
        if key != nil && existing == nil { throw DomainError.notFound("question") }
        guard existing != nil || ownSections.contains(where: { $0.key == sectionKey }) else { throw DomainError.notFound("section") }
        var form = existing.map { QuestionForm($0, languages: loaded.call.languages) } ?? QuestionForm(values: ["type": QuestionType.shortText.rawValue])
        form.values["section"] = existing.flatMap { question in ownSections.first { $0.questions.contains(question) }?.key } ?? sectionKey
        return questionPage(req, loaded: loaded, program: program, form: form, replacing: existing?.key, version: loaded.form.version, errors: [])
    }

    func saveQuestion(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageCalls)
        let values = try req.formValues()
        let form = QuestionForm(values: values.values)
        let replacing = values["replacing"].isEmpty ? nil : values["replacing"]
        let taken = Set(loaded.form.questions.map(\.key)).subtracting([replacing ?? ""])
        do {
            let question = try form.validated(languages: loaded.call.languages, takenKeys: taken)
            if let replacing, question.key != replacing, loaded.rules.requiredAnswers[replacing] != nil {
                throw ValidationFailure([FieldError("key", "The eligibility rules use “\(replacing)”; change the rule first, then the key.")])
            }
            if !loaded.form.sections.contains(where: { $0.key == values["section"] && $0.key != ProfileSection.key }) {
                throw ValidationFailure([FieldError("section", "Choose the section the question belongs to.")])
            }
            try await publish(req, loaded, FormEdit.putQuestion(loaded.form.sections, question, sectionKey: values["section"], replacing: replacing),
                              expected: values["version"])
            return req.redirect(.callForm(loaded.call.id), flash: .saved)
        } catch let failure as ValidationFailure {
            return questionPage(req, loaded: loaded, program: program, form: form, replacing: replacing,
                                version: Int(values["version"]) ?? loaded.form.version, errors: failure.errors)
        }
    }

    private func questionPage(_ req: Request, loaded: CallStore.Loaded, program: Program, form: QuestionForm, replacing: String?,
                              version: Int, errors: [FieldError]) -> Response {
        let languages = loaded.call.languages
        func field(_ name: String, _ label: String, hint: String? = nil) -> FormField {
            FormField(name, label, value: form[name], errors: errors, hint: hint)
        }
        func checkbox(_ name: String, _ label: String) -> FormField {
            var box = FormField(name, label, value: form[name] == "on" ? "on" : "", errors: errors).type("checkbox")
            box.required = false
            return box
        }
        var fields = [
            field("key", "Key", hint: "Answers are kept under this key; lower-case letters, digits and underscores, like works_with_migrants."),
            field("type", "Kind of answer").choices(QuestionType.callTypes.map { ($0.rawValue, $0.label) }),
            checkbox("required", "Required: the application cannot be submitted without it"),
        ]
        for language in languages {
            let suffix = language == .english ? "" : " (\(language.nativeName))"
            fields.append(field("label_\(language.rawValue)", "Question\(suffix)").optionalUnless(language == .english))
            fields.append(field("help_\(language.rawValue)", "Help text\(suffix)").optional())
        }
        var fileTypes = FormField("fileTypes", "File kinds accepted", value: "", errors: errors, hint: "File questions only. None ticked: all of these.")
        fileTypes.options = FileKind.allCases.map {
            FormField.Option(value: $0.rawValue, label: $0.label, selected: form["fileType_\($0.rawValue)"] == "on",
                             id: "f-fileType_\($0.rawValue)", name: "fileType_\($0.rawValue)")
        }
        fileTypes.asCheckboxes = true
        fileTypes.required = false
        fields += [
            field("options", "Options", hint: "Choice questions only. One per line: value | label in \(languages.map(\.englishName).joined(separator: " | ")).")
                .multiline().optional(),
            field("wordLimit", "Word limit", hint: "Long text only.").numeric().optional(),
            field("minimum", "Smallest number", hint: "Number questions only.").numeric().optional(),
            field("maximum", "Largest number", hint: "Number questions only.").numeric().optional(),
            fileTypes,
            field("maxFileMB", "Largest file in MB", hint: "File questions only. Empty: \(FileCheck.defaultMaxBytes / 1_048_576) MB.").numeric().optional(),
            checkbox("identifying", "Identifies the applicant (hidden in exports without identities and from blind review)"),
            field("section", "Section", hint: "Choosing another section moves the question to its end.")
                .choices(loaded.form.sections.filter { $0.key != ProfileSection.key }.map { ($0.key, $0.title.text(in: .english)) }),
        ]
        fields += Self.hidden(replacing: replacing, version: version)
        let view = StaffFormView(heading: replacing == nil ? "New question" : "Edit question “\(replacing!)”",
                                 intro: replacing == nil ? nil : "Applications already started keep the form version they began with; this change applies to new ones.",
                                 form: FormView(request: req, action: SiteURL.callFormQuestion(loaded.call.id).path,
                                                submitLabel: "Save question", fields: fields, cancelHref: SiteURL.callForm(loaded.call.id).path))
        return req.page(.staffForm, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty,
                        trail: Self.trail(program, callID: loaded.call.id))
    }

    // MARK: Order and removal

    func move(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.manageCalls)
        let values = try req.formValues()
        guard let direction = FormEdit.Direction(rawValue: values["direction"]) else { throw RequestProblem.moveDirection }
        let sections = values["kind"] == "section"
            ? FormEdit.moveSection(loaded.form.sections, key: values["key"], direction)
            : FormEdit.moveQuestion(loaded.form.sections, key: values["key"], direction)
        if sections != loaded.form.sections { try await publish(req, loaded, sections, expected: values["version"]) }
        let anchor = Question.isValidKey(values["key"]) ? "#\(values["kind"] == "section" ? "s" : "q")-\(values["key"])" : ""
        return req.redirect(path: SiteURL.callForm(loaded.call.id).path + anchor, flash: nil)
    }

    func remove(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.manageCalls)
        let values = try req.formValues()
        let key = values["key"]
        let removed: [FormSection]
        if values["kind"] == "section" {
            let questions = loaded.form.sections.first { $0.key == key }?.questions.map(\.key) ?? []
            if let used = questions.first(where: { loaded.rules.requiredAnswers[$0] != nil }) {
                throw DomainError.refused("The eligibility rules use the question “\(used)” in this section. Change the rules first.")
            }
            removed = FormEdit.removeSection(loaded.form.sections, key: key)
        } else {
            if loaded.rules.requiredAnswers[key] != nil {
                throw DomainError.refused("The eligibility rules use the question “\(key)”. Change the rules first.")
            }
            removed = FormEdit.removeQuestion(loaded.form.sections, key: key)
        }
        guard removed != loaded.form.sections else { throw DomainError.notFound(values["kind"] == "section" ? "section" : "question") }
        try await publish(req, loaded, removed, expected: values["version"])
        return req.redirect(.callForm(loaded.call.id), flash: .removed)
    }

    // MARK: Preview

    /// The form as an applicant sees it, in any offered language; nothing is saved.
    func preview(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.manageCalls)
        let call = loaded.call
        let language = call.language(for: req.query[String.self, at: "lang"].flatMap(Language.init(rawValue:)))
        // Clamped before any arithmetic: `section=-9223372036854775808` is one link away.
        let asked = min(max(req.query[Int.self, at: "section"] ?? 1, 1), loaded.form.sections.count)
        let index = max(0, asked - 1)
        let section = loaded.form.sections[index]
        let words = req.words(language)
        let fields = QuestionFields.fields(section.questions, answers: [:], messages: [:], words: words)
        let next = SiteURL.callPreview(call.id, language: language.rawValue, section: min(index + 1, loaded.form.sections.count - 1)).path
        let form = QuestionFields.form(request: req, action: next, submit: words("app.continue"), secondary: nil, fields: fields, words: words)
        var view = SectionPageView(
            t: [:], script: nil, callTitle: call.title.text(in: language),
            step: words("app.step", ["n": "\(index + 1)", "total": "\(loaded.form.sections.count)"]),
            heading: section.title.text(in: language), intro: section.intro.isEmpty ? nil : section.intro.text(in: language), form: form)
        view.preview = PreviewBar(
            text: "Preview of form version \(loaded.form.version): nothing typed here is saved.",
            languages: call.languages.map { .init(label: $0.nativeName, href: SiteURL.callPreview(call.id, language: $0.rawValue, section: index).path,
                                                   isCurrent: $0 == language) },
            sections: loaded.form.sections.indices.map { .init(label: "\($0 + 1)", href: SiteURL.callPreview(call.id, language: language.rawValue, section: $0).path,
                                                                isCurrent: $0 == index) },
            backHref: SiteURL.callForm(call.id).path)
        return req.applicantPage(.section, title: "Preview – \(section.title.text(in: language))", view, language: language, offered: [])
    }

    /// The preview's "continue" button: nothing is saved, the next section is shown.
    func previewNext(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.manageCalls)
        let language = req.query[String.self, at: "lang"] ?? Language.english.rawValue
        let section = max(1, req.query[Int.self, at: "section"] ?? 1) - 1
        return req.redirect(to: SiteURL.callPreview(loaded.call.id, language: language.filter(\.isLetter), section: section).path, redirectType: .normal)
    }

    // MARK: Shared

    /// Checks the whole form and saves it as the next version; refused when someone else saved first.
    private func publish(_ req: Request, _ loaded: CallStore.Loaded, _ sections: [FormSection], expected: String) async throws {
        let problems = FormDefinition(version: 0, sections: sections).problems()
        if !problems.isEmpty { throw DomainError.refused(problems.map(\.message).joined(separator: " ")) }
        _ = try await CallStore(db: req.persistence).publishForm(callID: loaded.call.id, sections: sections, expectedVersion: Int(expected), now: req.now)
    }

    static func hidden(replacing: String?, version: Int) -> [FormField] {
        [FormField("replacing", "", value: replacing ?? "", errors: []).type("hidden"),
         FormField("version", "", value: "\(version)", errors: []).type("hidden")]
    }

    static func trail(_ program: Program, callID: UUID) -> [Layout.Crumb] {
        StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path),
                              Layout.Crumb(label: "Call settings", href: SiteURL.editCall(callID).path)]
    }
}
