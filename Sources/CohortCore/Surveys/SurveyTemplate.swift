import Foundation

/// The questions each kind of survey starts with. A needs assessment and the two
/// self-assessments are built from the topics the manager lists, so that the needs can be
/// set against the agenda and the before and after answers paired item by item.
public enum SurveyTemplate {
    /// A five-point scale, labelled at every point.
    public static func scale(_ labels: [String]) -> [ChoiceOption] {
        labels.enumerated().map { index, english in ChoiceOption(value: "\(index + 1)", label: words(english)) }
    }

    public static let knowledgeScale = scale(["1 – Nothing", "2 – A little", "3 – Some", "4 – A good deal", "5 – Enough to teach it"])
    public static let needScale = scale(["1 – Not needed", "2 – Slightly", "3 – Useful", "4 – Important", "5 – Essential"])
    public static let agreementScale = scale(["1 – Strongly disagree", "2 – Disagree", "3 – Neither", "4 – Agree", "5 – Strongly agree"])

    /// The form a new survey of `kind` starts with; `topics` are the topics' keys and labels.
    public static func form(_ kind: SurveyKind, topics: [(key: String, label: String)]) -> FormDefinition {
        let rows = topics.map { ChoiceOption(value: $0.key, label: LocalizedText(english: $0.label)) }
        switch kind {
        case .needsAssessment:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "needs", title: words("What you need from the module"), questions: [
                    Question(key: NeedsRanking.needKey, type: .grid,
                             label: words("How much do you need each topic for your work?"),
                             required: true, options: needScale, rows: rows),
                    Question(key: NeedsRanking.knowledgeKey, type: .grid,
                             label: words("How much do you know about each topic now?"),
                             required: true, options: knowledgeScale, rows: rows),
                ]),
                FormSection(key: "wishes", title: words("In your words"), questions: [
                    Question(key: "most_wanted", type: .longText,
                             label: words("What do you most want to take home from this module?"), wordLimit: 300),
                ]),
            ])
        case .preAssessment, .postAssessment:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "knowledge", title: words("What you know"), questions: [
                    Question(key: "knowledge", type: .grid,
                             label: words("How much do you know about each topic?"),
                             required: true, options: knowledgeScale, rows: rows),
                ]),
                FormSection(key: "skills", title: words("What you can do"), questions: [
                    Question(key: "confidence", type: .grid,
                             label: words("I feel able to use each of these in my advocacy work."),
                             required: true, options: agreementScale, rows: rows),
                ]),
            ])
        case .sessionFeedback, .moduleEvaluation:
            let subject = kind == .sessionFeedback ? "session" : "module"
            return FormDefinition(version: 1, sections: [
                FormSection(key: "feedback", title: words("Your feedback"), questions: [
                    Question(key: "useful", type: .rating, label: words("The \(subject) was useful for my work."),
                             required: true, options: agreementScale),
                    Question(key: "clear", type: .rating, label: words("The \(subject) was clear and well paced."),
                             required: true, options: agreementScale),
                    Question(key: "will_use", type: .singleChoice, label: words("Will you use what you learnt in the next three months?"),
                             required: false, options: [
                                 ChoiceOption(value: "yes", label: words("Yes")),
                                 ChoiceOption(value: "maybe", label: words("Perhaps")),
                                 ChoiceOption(value: "no", label: words("No")),
                             ]),
                    Question(key: "best", type: .longText, label: words("What worked best?"), wordLimit: 200),
                    Question(key: "change", type: .longText, label: words("What should change next time?"), wordLimit: 200),
                ]),
            ])
        case .followUp, .custom:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "since", title: words("Since the program"), questions: [
                    Question(key: "used", type: .rating, label: words("I have used what I learnt in my work."),
                             required: true, options: agreementScale),
                    Question(key: "contacts", type: .number, label: words("How many people from the program have you worked with since?"),
                             minimum: 0, maximum: 500),
                    Question(key: "example", type: .longText, label: words("Tell us about one thing you did with it."), wordLimit: 300),
                ]),
            ])
        }
    }
}
