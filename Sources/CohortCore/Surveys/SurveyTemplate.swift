import Foundation

/// The questions each kind of survey starts with. A needs assessment and the two
/// self-assessments are built from the topics the manager lists, so that the needs can be
/// set against the agenda and the before and after answers paired item by item.
public enum SurveyTemplate {
    /// A five-point scale, labelled at every point.
    public static func scale(_ labels: [(String, String, String)]) -> [ChoiceOption] {
        labels.enumerated().map { index, words in
            ChoiceOption(value: "\(index + 1)", label: LocalizedText([.english: words.0, .malay: words.1, .indonesian: words.2]))
        }
    }

    public static let knowledgeScale = scale([
        ("1 – Nothing", "1 – Tiada langsung", "1 – Tidak sama sekali"), ("2 – A little", "2 – Sedikit", "2 – Sedikit"),
        ("3 – Some", "3 – Sederhana", "3 – Cukup"), ("4 – A good deal", "4 – Banyak", "4 – Banyak"),
        ("5 – Enough to teach it", "5 – Cukup untuk mengajarnya", "5 – Cukup untuk mengajarkannya"),
    ])
    public static let needScale = scale([
        ("1 – Not needed", "1 – Tidak perlu", "1 – Tidak perlu"), ("2 – Slightly", "2 – Sedikit", "2 – Sedikit"),
        ("3 – Useful", "3 – Berguna", "3 – Berguna"), ("4 – Important", "4 – Penting", "4 – Penting"),
        ("5 – Essential", "5 – Sangat penting", "5 – Sangat penting"),
    ])
    public static let agreementScale = scale([
        ("1 – Strongly disagree", "1 – Sangat tidak setuju", "1 – Sangat tidak setuju"), ("2 – Disagree", "2 – Tidak setuju", "2 – Tidak setuju"),
        ("3 – Neither", "3 – Berkecuali", "3 – Netral"), ("4 – Agree", "4 – Setuju", "4 – Setuju"),
        ("5 – Strongly agree", "5 – Sangat setuju", "5 – Sangat setuju"),
    ])

    static func text(_ english: String, _ malay: String, _ indonesian: String) -> LocalizedText {
        LocalizedText([.english: english, .malay: malay, .indonesian: indonesian])
    }

    /// The form a new survey of `kind` starts with; `topics` are the topics' keys and labels.
    public static func form(_ kind: SurveyKind, topics: [(key: String, label: String)]) -> FormDefinition {
        let rows = topics.map { ChoiceOption(value: $0.key, label: LocalizedText(english: $0.label)) }
        switch kind {
        case .needsAssessment:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "needs", title: text("What you need from the module", "Apa yang anda perlukan", "Apa yang Anda butuhkan"), questions: [
                    Question(key: NeedsRanking.needKey, type: .grid,
                             label: text("How much do you need each topic for your work?", "Sejauh mana anda memerlukan setiap topik?",
                                         "Seberapa besar Anda membutuhkan setiap topik?"),
                             required: true, options: needScale, rows: rows),
                    Question(key: NeedsRanking.knowledgeKey, type: .grid,
                             label: text("How much do you know about each topic now?", "Sejauh mana anda tahu tentang setiap topik?",
                                         "Seberapa banyak Anda tahu tentang setiap topik?"),
                             required: true, options: knowledgeScale, rows: rows),
                ]),
                FormSection(key: "wishes", title: text("In your words", "Dengan kata-kata anda", "Dengan kata-kata Anda"), questions: [
                    Question(key: "most_wanted", type: .longText,
                             label: text("What do you most want to take home from this module?", "Apa yang paling anda mahu bawa pulang?",
                                         "Apa yang paling ingin Anda bawa pulang?"), wordLimit: 300),
                ]),
            ])
        case .preAssessment, .postAssessment:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "knowledge", title: text("What you know", "Apa yang anda tahu", "Apa yang Anda ketahui"), questions: [
                    Question(key: "knowledge", type: .grid,
                             label: text("How much do you know about each topic?", "Sejauh mana anda tahu tentang setiap topik?",
                                         "Seberapa banyak Anda tahu tentang setiap topik?"),
                             required: true, options: knowledgeScale, rows: rows),
                ]),
                FormSection(key: "skills", title: text("What you can do", "Apa yang anda boleh lakukan", "Apa yang dapat Anda lakukan"), questions: [
                    Question(key: "confidence", type: .grid,
                             label: text("I feel able to use each of these in my advocacy work.", "Saya mampu menggunakannya dalam kerja advokasi saya.",
                                         "Saya mampu menggunakannya dalam kerja advokasi saya."),
                             required: true, options: agreementScale, rows: rows),
                ]),
            ])
        case .sessionFeedback, .moduleEvaluation:
            let subject = kind == .sessionFeedback ? "session" : "module"
            return FormDefinition(version: 1, sections: [
                FormSection(key: "feedback", title: text("Your feedback", "Maklum balas anda", "Umpan balik Anda"), questions: [
                    Question(key: "useful", type: .rating, label: LocalizedText(english: "The \(subject) was useful for my work."),
                             required: true, options: agreementScale),
                    Question(key: "clear", type: .rating, label: LocalizedText(english: "The \(subject) was clear and well paced."),
                             required: true, options: agreementScale),
                    Question(key: "will_use", type: .singleChoice, label: LocalizedText(english: "Will you use what you learnt in the next three months?"),
                             required: false, options: [
                                 ChoiceOption(value: "yes", label: text("Yes", "Ya", "Ya")),
                                 ChoiceOption(value: "maybe", label: text("Perhaps", "Mungkin", "Mungkin")),
                                 ChoiceOption(value: "no", label: text("No", "Tidak", "Tidak")),
                             ]),
                    Question(key: "best", type: .longText, label: LocalizedText(english: "What worked best?"), wordLimit: 200),
                    Question(key: "change", type: .longText, label: LocalizedText(english: "What should change next time?"), wordLimit: 200),
                ]),
            ])
        case .followUp, .custom:
            return FormDefinition(version: 1, sections: [
                FormSection(key: "since", title: text("Since the program", "Selepas program", "Sejak program"), questions: [
                    Question(key: "used", type: .rating, label: LocalizedText(english: "I have used what I learnt in my work."),
                             required: true, options: agreementScale),
                    Question(key: "contacts", type: .number, label: LocalizedText(english: "How many people from the program have you worked with since?"),
                             minimum: 0, maximum: 500),
                    Question(key: "example", type: .longText, label: LocalizedText(english: "Tell us about one thing you did with it."), wordLimit: 300),
                ]),
            ])
        }
    }
}
