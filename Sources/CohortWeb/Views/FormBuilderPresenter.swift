import CohortCore
import CohortStore
import Vapor

/// The form builder's page: the built-in profile section, then the call's own sections
/// with their questions, each with its edit, move and remove controls.
struct FormBuilderPresenter {
    let request: Request
    let loaded: CallStore.Loaded
    let applicationsPerVersion: [Int: Int]

    func view() -> FormBuilderView {
        let call = loaded.call
        let form = loaded.form
        let own = form.sections.filter { $0.key != ProfileSection.key }
        let csrf = request.csrfToken()
        func move(_ kind: String, _ key: String, _ direction: FormEdit.Direction, enabled: Bool, label: String) -> FormBuilderView.SmallForm? {
            guard enabled else { return nil }
            return .init(action: SiteURL.callFormMove(call.id).path, csrf: csrf, label: label,
                         hidden: [HiddenField(name: "kind", value: kind), HiddenField(name: "key", value: key),
                                  HiddenField(name: "direction", value: direction.rawValue), HiddenField(name: "version", value: "\(form.version)")])
        }
        func remove(_ kind: String, _ key: String, what: String) -> FormBuilderView.RemoveForm {
            .init(action: SiteURL.callFormRemove(call.id).path, csrf: csrf, label: "Remove \(what)",
                  consequence: "Applications that already answered it keep their answer; new applications will not see it.",
                  kind: kind, key: key, version: "\(form.version)")
        }
        let sections = own.enumerated().map { index, section in
            FormBuilderView.Section(
                anchor: "s-\(section.key)", key: section.key, title: section.title.text(in: .english),
                missingLanguages: Self.missing(section.title, call.languages),
                editHref: SiteURL.callFormSection(call.id).path + "?key=\(section.key)",
                up: move("section", section.key, .up, enabled: index > 0, label: "Move section up"),
                down: move("section", section.key, .down, enabled: index < own.count - 1, label: "Move section down"),
                remove: remove("section", section.key, what: "section “\(section.title.text(in: .english))” and its questions"),
                questions: section.questions.enumerated().map { qIndex, question in
                    FormBuilderView.Question(
                        anchor: "q-\(question.key)", key: question.key, type: question.type.label, label: question.label.text(in: .english),
                        required: question.required ? "Required" : "Optional",
                        untranslated: Self.missing(question.label, call.languages),
                        usedByRules: loaded.rules.requiredAnswers[question.key] != nil,
                        editHref: SiteURL.callFormQuestion(call.id).path + "?key=\(question.key)",
                        moveUp: move("question", question.key, .up, enabled: qIndex > 0, label: "Move up"),
                        moveDown: move("question", question.key, .down, enabled: qIndex < section.questions.count - 1, label: "Move down"),
                        removeQuestion: loaded.rules.requiredAnswers[question.key] == nil ? remove("question", question.key, what: "question") : nil)
                },
                isEmpty: section.questions.isEmpty,
                addQuestionHref: SiteURL.callFormQuestion(call.id).path + "?section=\(section.key)")
        }
        let older = applicationsPerVersion.filter { $0.key != form.version }.values.reduce(0, +)
        let current = applicationsPerVersion[form.version] ?? 0
        var versionText = "Version \(form.version). \(current) application\(current == 1 ? "" : "s") on this version."
        if older > 0 {
            versionText += " \(older) application\(older == 1 ? "" : "s") began on earlier versions and keep\(older == 1 ? "s" : "") the questions they were asked."
        }
        return FormBuilderView(
            heading: "Form – \(call.title.text(in: .english))", versionText: versionText,
            settingsHref: SiteURL.editCall(call.id).path, applicationsHref: SiteURL.callApplications(call.id).path,
            previews: call.languages.map { .init(label: $0.nativeName, href: SiteURL.callPreview(call.id, language: $0.rawValue, section: 0).path) },
            profileQuestions: ProfileSection.section.questions.map { $0.label.text(in: .english) }.joined(separator: "; ") + ".",
            sections: sections, hasSections: !sections.isEmpty,
            addSectionHref: SiteURL.callFormSection(call.id).path)
    }

    /// Offered languages a text lacks, so the manager sees what is still to translate.
    static func missing(_ text: LocalizedText, _ languages: [Language]) -> String? {
        let lacking = languages.filter { text.values[$0] == nil }
        return lacking.isEmpty ? nil : "Not yet in " + lacking.map(\.englishName).joined(separator: ", ")
    }
}

struct FormBuilderView: Sendable {
    struct SmallForm: Sendable {
        let action: String
        let csrf: String
        let label: String
        let hidden: [HiddenField]
    }

    struct RemoveForm: Sendable {
        let action: String
        let csrf: String
        let label: String
        let consequence: String
        let kind: String
        let key: String
        let version: String
    }

    struct Question: Sendable {
        let anchor: String
        let key: String
        let type: String
        let label: String
        let required: String
        let untranslated: String?
        let usedByRules: Bool
        let editHref: String
        // Named apart from the section's own controls: a missing value would otherwise
        // be looked up in the enclosing section and draw the section's button here.
        let moveUp: SmallForm?
        let moveDown: SmallForm?
        let removeQuestion: RemoveForm?
    }

    struct Section: Sendable {
        let anchor: String
        let key: String
        let title: String
        let missingLanguages: String?
        let editHref: String
        let up: SmallForm?
        let down: SmallForm?
        let remove: RemoveForm
        let questions: [Question]
        let isEmpty: Bool
        let addQuestionHref: String
    }

    struct Link: Sendable {
        let label: String
        let href: String
    }

    let heading: String
    let versionText: String
    let settingsHref: String
    let applicationsHref: String
    let previews: [Link]
    let profileQuestions: String
    let sections: [Section]
    let hasSections: Bool
    let addSectionHref: String
}
