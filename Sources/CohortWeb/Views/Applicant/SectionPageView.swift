import CohortCore
import Foundation
import Vapor

struct SectionPageView: Sendable {
    let t: [String: String]
    /// The autosave script; none in a staff preview, where nothing is saved.
    let script: String?
    let callTitle: String
    let step: String
    let heading: String
    let intro: String?
    let form: FormView
    /// A staff preview's banner and its links to other languages and sections.
    var preview: PreviewBar? = nil
}

extension SectionPageView {
    /// An applicant's section of their application, with what they answered (or typed and was
    /// refused) and the files already attached to it.
    init(request: Request, call: Call, form: FormDefinition, index: Int, applicationID: UUID, answers: [String: Answer],
         messages: [String: String], files: [UploadedFile], script: String?, words: Words) {
        let section = form.sections[index]
        let fields = QuestionFields.fields(section.questions, answers: answers, messages: messages,
                                           files: Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0) }), words: words)
        self.init(t: WordTable(words, keys: ["autosave.saving", "autosave.saved", "autosave.offline", "autosave.failed"]).table,
                  script: script, callTitle: call.title.text(in: words.language),
                  step: words("app.step", ["n": "\(index + 1)", "total": "\(form.sections.count)"]),
                  heading: section.title.text(in: words.language),
                  intro: section.intro.isEmpty ? nil : section.intro.text(in: words.language),
                  form: QuestionFields.form(request: request, action: SiteURL.applicationSection(applicationID, index: index).path,
                                            submit: words("app.continue"), secondary: words("app.saveLater"), fields: fields, words: words,
                                            autosave: true))
    }
}
