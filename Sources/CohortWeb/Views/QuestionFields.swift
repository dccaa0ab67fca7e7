import CohortCore
import Vapor

/// Turns a form section's questions into fields in the applicant's language, and a posted
/// form back into answers.
enum QuestionFields {
    /// - Parameters:
    ///   - messages: each field's message, already in the applicant's language.
    ///   - files: the application's uploaded files, to name the one a file question holds.
    static func fields(_ questions: [Question], answers: [String: Answer], messages: [String: String],
                       files: [UUID: UploadedFile] = [:], words: Words) -> [FormField] {
        questions.flatMap { question -> [FormField] in
            if question.type == .grid { return gridFields(question, answers: answers, message: messages[question.key], words: words) }
            let answer = answers[question.key]
            var field = FormField(question.key, question.label.text(in: words.language), value: answer?.textValue ?? "", errors: [])
            field.error = messages[question.key]
            field.required = question.required
            var hints = [question.help.text(in: words.language)].filter { !$0.isEmpty }
            switch question.type {
            case .shortText: break
            case .longText:
                field.isTextarea = true
                if let limit = question.wordLimit { hints.append(words("field.wordLimit", ["limit": "\(limit)"])) }
            case .email: field.inputType = "email"
            case .number:
                // Text with a numeric keyboard: a number field would silently drop what was typed if it is not a number.
                field.inputType = "text"
                field.inputMode = "decimal"
            case .date:
                // A date picker only while the value is a date, so a mistyped date is shown back as typed.
                field.inputType = field.value.isEmpty || CalendarDate(iso: field.value) != nil ? "date" : "text"
                hints.append(words("field.dateHint"))
            case .country:
                field = field.choices(Country.all.map { ($0.code, $0.englishName) }, placeholder: words("common.choose"))
            case .singleChoice, .rating:
                field = field.choices(question.options.map { ($0.value, $0.label.text(in: words.language)) })
                field.asRadios = true
            case .grid:
                break
            case .yesNo:
                field = field.choices([("yes", words("common.yes")), ("no", words("common.no"))])
                field.asRadios = true
            case .multipleChoice:
                let chosen: Set<String>
                if case .list(let items)? = answer { chosen = Set(items) } else { chosen = [answer?.textValue ?? ""] }
                field.options = question.options.map {
                    .init(value: $0.value, label: $0.label.text(in: words.language), selected: chosen.contains($0.value))
                }
                field.asCheckboxes = true
            case .file:
                field.inputType = "file"
                field.value = ""
                hints.append(words.fileHint(question))
                if let id = UUID(uuidString: answer?.textValue ?? ""), let file = files[id] {
                    hints.append(words("file.current", ["name": file.summary]))
                    hints.append(words("file.replace"))
                    // Already answered: choosing nothing keeps the uploaded file.
                    field.required = false
                }
                field.accept = FileCheck.acceptedKinds(for: question).map { ".\($0.fileExtension)" }.joined(separator: ",")
            }
            field.hint = hints.isEmpty ? nil : hints.joined(separator: " ")
            return [field]
        }
    }

    /// A grid as one radio group per row under the grid's own heading: a table of radios does
    /// not fit a phone, and a group per row reads well aloud. The grid's message goes to its
    /// first unanswered or wrongly answered row.
    private static func gridFields(_ question: Question, answers: [String: Answer], message: String?, words: Words) -> [FormField] {
        var rating = question
        rating.type = .rating
        var messagePlaced = false
        return (question.rows ?? []).enumerated().map { index, row in
            let key = Question.rowKey(question.key, row: row.value)
            let answer = answers[key]
            var field = FormField(key, row.label.text(in: words.language), value: answer?.textValue ?? "", errors: [])
                .choices(question.options.map { ($0.value, $0.label.text(in: words.language)) })
            field.asRadios = true
            field.required = question.required
            if index == 0 {
                field.groupHeading = question.label.text(in: words.language)
                field.groupHint = question.help.isEmpty ? nil : question.help.text(in: words.language)
            }
            if let message, !messagePlaced, AnswerValidator.problem(answer, for: rating) != nil {
                field.error = message
                messagePlaced = true
            }
            return field
        }
    }

    /// The answers a posted section gives (`Answer.fromForm`).
    static func answers(_ values: FormValues, questions: [Question]) -> [String: Answer] {
        Answer.fromForm(values.values, questions: questions)
    }

    /// A form in the applicant's language.
    static func form(request: Request, action: String, submit: String, secondary: String?, fields: [FormField],
                     words: Words, autosave: Bool = false) -> FormView {
        var form = FormView(request: request, action: action, submitLabel: submit, fields: fields, namesFieldsInSummary: true)
        form.errorSummaryTitle = words("common.errorSummary")
        form.errorPrefix = words("common.errorPrefix")
        form.optionalText = words("common.optional")
        form.secondaryLabel = secondary
        form.autosave = autosave
        return form
    }
}
