extension Answer {
    /// The answers a posted section gives, from its decoded fields. Every question of the
    /// section is read, so clearing a field clears its answer; a multiple-choice question's
    /// options are checkboxes named `key__value`.
    public static func fromForm(_ values: [String: String], questions: [Question]) -> [String: Answer] {
        var answers: [String: Answer] = [:]
        // File questions are answered by their upload, never by a text field.
        for question in questions where question.type != .file {
            if question.type == .grid {
                for row in question.rows ?? [] {
                    let key = Question.rowKey(question.key, row: row.value)
                    answers[key] = .text(values[key] ?? "")
                }
            } else if question.type == .multipleChoice {
                answers[question.key] = .list(question.options.map(\.value).filter { values["\(question.key)__\($0)"] == "on" })
            } else {
                answers[question.key] = .text(values[question.key] ?? "")
            }
        }
        return answers
    }
}
