import CohortCore
import Foundation
import Vapor

/// A reviewer's page for one application: the answers they may see (blind review hides the
/// sections that name the applicant) and the rubric's form.
struct ReviewPageView: Sendable {
    let heading: String
    let isBlind: Bool
    let groups: [ApplicationDetailView.Group]
    let form: FormView
    let conflictAction: String
    let csrf: String
}

extension ReviewPageView {
    /// The page from what the controller loaded: the form the application was made on, the
    /// review settings with their rubric, what the reviewer typed so far.
    init(request: Request, callID: UUID, applicationID: UUID, reference: String?, answers: [String: Answer], form: FormDefinition,
         rubric: Rubric, isBlind: Bool, values: ReviewFormValues, errors: [FieldError], words: Words) {
        let groups = BlindReview.visibleSections(form, blind: isBlind).map { section in
            ApplicationDetailView.Group(title: section.title.text(in: .english), items: section.questions.map { question in
                // Files are not offered to reviewers: a letter or CV names its author.
                let answer = answers[question.key]
                let text = question.type == .file ? (answer?.isBlank == false ? "A file was uploaded (not shown in review)." : words("app.notAnswered"))
                    : AnswerText.display(answer, question: question, words: words)
                return ApplicationDetailView.Item(label: question.label.text(in: .english), answer: text)
            })
        }
        var fields = rubric.criteria.map { criterion in
            var field = FormField("s_\(criterion.key)", criterion.name, value: values.scores[criterion.key].map(String.init) ?? "", errors: errors,
                                  hint: criterion.description.isEmpty ? "From \(criterion.lowest) to \(criterion.highest)."
                                      : "\(criterion.description) From \(criterion.lowest) to \(criterion.highest).")
                .choices((criterion.lowest...criterion.highest).map { ("\($0)", "\($0)") })
            field.asRadios = true
            return field
        }
        fields.append(FormField("comment", "Comment for the selection committee", value: values.comment, errors: errors).multiline().optional())
        var recommendation = FormField("recommendation", "Your recommendation", value: values.recommendation, errors: errors)
            .choices([("recommend", "Recommend"), ("maybe", "Maybe"), ("do-not-recommend", "Do not recommend")])
        recommendation.asRadios = true
        fields.append(recommendation)
        self.init(heading: "Review " + (reference ?? "application"), isBlind: isBlind, groups: groups,
                  form: FormView(request: request, action: SiteURL.reviewApplication(callID: callID, id: applicationID).path,
                                 submitLabel: "Save and open the next", fields: fields, cancelHref: SiteURL.reviewQueue(callID).path),
                  conflictAction: SiteURL.reviewConflict(callID: callID, id: applicationID).path, csrf: request.csrfToken())
    }
}
