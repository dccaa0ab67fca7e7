/// The kinds of question a form can ask. Ratings and grids are survey questions: a call's
/// form builder offers the others (`callTypes`).
public enum QuestionType: String, CaseIterable, Codable, Sendable {
    case shortText = "short_text"
    case longText = "long_text"
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case yesNo = "yes_no"
    case number
    case date
    case email
    case country
    case file
    /// A rating on a labelled scale; the options are the scale's points, lowest first.
    case rating
    /// Several rows (topics) rated on one scale; each row is answered under `key__row`.
    case grid

    public var label: String {
        switch self {
        case .shortText: "Short text"
        case .longText: "Long text"
        case .singleChoice: "Single choice"
        case .multipleChoice: "Multiple choice"
        case .yesNo: "Yes / no"
        case .number: "Number"
        case .date: "Date"
        case .email: "Email address"
        case .country: "Country"
        case .file: "File upload"
        case .rating: "Rating on a scale"
        case .grid: "Grid of ratings"
        }
    }

    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }

    /// Answered with a point of a scale: a number that has a mean and a spread.
    public var isScale: Bool { self == .rating || self == .grid }

    /// What a call's form builder offers.
    public static let callTypes = allCases.filter { !$0.isScale }
}

public struct ChoiceOption: Hashable, Codable, Sendable {
    public var value: String
    public var label: LocalizedText

    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}

/// One question: a stable key that answers are stored under, its type and its words per language.
public struct Question: Hashable, Codable, Sendable {
    public var key: String
    public var type: QuestionType
    public var label: LocalizedText
    public var help: LocalizedText
    public var required: Bool
    public var options: [ChoiceOption]
    /// Long text: the most words accepted.
    public var wordLimit: Int?
    /// Number: the accepted range.
    public var minimum: Double?
    public var maximum: Double?
    /// File: accepted kinds ("pdf", "docx", "jpeg", "png") and the largest size in bytes.
    public var fileTypes: [String]
    public var maxFileBytes: Int?
    /// Staff may mark a question as identifying, so blind review hides it.
    public var isIdentifying: Bool
    /// A grid's rows, each rated on the scale in `options`. Nil for every other type (and in
    /// forms saved before grids existed).
    public var rows: [ChoiceOption]?
    /// A survey item's topic, so learning gains can be added up per topic as well as per item.
    public var topic: String?

    public init(key: String, type: QuestionType, label: LocalizedText, help: LocalizedText = .init(), required: Bool = false,
                options: [ChoiceOption] = [], wordLimit: Int? = nil, minimum: Double? = nil, maximum: Double? = nil,
                fileTypes: [String] = [], maxFileBytes: Int? = nil, isIdentifying: Bool = false,
                rows: [ChoiceOption]? = nil, topic: String? = nil) {
        self.key = key
        self.type = type
        self.label = label
        self.help = help
        self.required = required
        self.options = options
        self.wordLimit = wordLimit
        self.minimum = minimum
        self.maximum = maximum
        self.fileTypes = fileTypes
        self.maxFileBytes = maxFileBytes
        self.isIdentifying = isIdentifying
        self.rows = rows
        self.topic = topic
    }

    /// Whether anything is answered: for a grid, any of its rows.
    public func isAnswered(in answers: [String: Answer]) -> Bool {
        guard type == .grid else { return !(answers[key]?.isBlank ?? true) }
        return (rows ?? []).contains { !(answers[Self.rowKey(key, row: $0.value)]?.isBlank ?? true) }
    }

    /// The key a grid row's answer is stored under, as the form field is named.
    public static func rowKey(_ key: String, row: String) -> String { "\(key)__\(row)" }

    /// Keys are short and stable: lower-case letters, digits and underscores, starting with a letter.
    public static func isValidKey(_ key: String) -> Bool {
        guard let first = key.first, ("a"..."z").contains(first), (1...40).contains(key.count) else { return false }
        return key.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// A page of the application form.
public struct FormSection: Hashable, Codable, Sendable {
    public var key: String
    public var title: LocalizedText
    public var intro: LocalizedText
    public var questions: [Question]

    public init(key: String, title: LocalizedText, intro: LocalizedText = .init(), questions: [Question]) {
        self.key = key
        self.title = title
        self.intro = intro
        self.questions = questions
    }
}

/// The whole form of a call at one version. Answers record the version they were given
/// against, so editing the form never changes what an applicant already answered.
public struct FormDefinition: Hashable, Codable, Sendable {
    public var version: Int
    public var sections: [FormSection]

    public init(version: Int, sections: [FormSection]) {
        self.version = version
        self.sections = sections
    }

    public var questions: [Question] { sections.flatMap(\.questions) }

    public func question(_ key: String) -> Question? { questions.first { $0.key == key } }

    /// Problems with the form itself, for the form builder: keys unique and well formed,
    /// choices with options, every label in English.
    public func problems() -> [FieldError] {
        var errors = FieldErrorList()
        var seen = Set<String>()
        for section in sections {
            if section.title.values[.english] == nil { errors.add("section.\(section.key)", "Give the section “\(section.key)” an English title.") }
            for question in section.questions {
                let field = "question.\(question.key)"
                if !Question.isValidKey(question.key) {
                    errors.add(field, "Question keys use lower-case letters, digits and underscores, starting with a letter.")
                }
                if !seen.insert(question.key).inserted { errors.add(field, "Two questions use the key “\(question.key)”. Keys must be unique.") }
                if question.label.values[.english] == nil { errors.add(field, "Give the question “\(question.key)” an English label.") }
                if (question.type.hasOptions || question.type.isScale) && question.options.count < 2 {
                    errors.add(field, question.type.isScale ? "A scale needs at least two points." : "A choice question needs at least two options.")
                }
                if question.type.isScale && question.options.contains(where: { Double($0.value) == nil }) {
                    errors.add(field, "Each point of a scale is a number, like 1 to 5.")
                }
                if question.type == .grid && (question.rows ?? []).isEmpty {
                    errors.add(field, "A grid needs at least one row to rate.")
                }
                if let min = question.minimum, let max = question.maximum, min > max {
                    errors.add(field, "The smallest number allowed must not be above the largest.")
                }
            }
        }
        return errors.errors
    }
}
