import Foundation

/// One submitted response as results read it: the answers, and the groups its person was in
/// when they answered (country role, country, sector), kept for breakdowns.
public struct SurveyAnswers: Sendable {
    public let answers: [String: Answer]
    public let groups: [BreakdownDimension: String]

    public init(answers: [String: Answer], groups: [BreakdownDimension: String] = [:]) {
        self.answers = answers
        self.groups = groups
    }
}

/// What a breakdown divides respondents by.
public enum BreakdownDimension: String, CaseIterable, Codable, Sendable {
    case countryRole, country, sector, gender

    public var label: String {
        switch self {
        case .countryRole: "Destination or origin"
        case .country: "Country"
        case .sector: "Sector"
        case .gender: "Gender"
        }
    }

    /// A gender as a breakdown names it: the form's word, never what someone wrote of themselves.
    public static func genderGroup(_ value: String) -> String? {
        switch value {
        case "": nil
        case "self_describe": "Self-described"
        default: ProfileSection.genders.first { $0.value == value }?.label.text(in: .english)
        }
    }
}

/// A question a survey's results can count: a question, or one row of a grid.
public struct SurveyItem: Hashable, Sendable {
    /// The key its answer is stored under (`key__row` for a grid's row).
    public let key: String
    public let question: Question
    /// The grid row, for a grid's item.
    public let row: ChoiceOption?

    /// A rating on a scale: has a mean, a spread and a learning gain.
    public var isScale: Bool { question.type.isScale }

    /// The topic learning gains add it up under: the grid's row, else the question's topic, else its key.
    public var topic: String { question.topic ?? row?.value ?? question.key }

    public func label(in language: Language) -> String {
        guard let row else { return question.label.text(in: language) }
        return "\(row.label.text(in: language)) — \(question.label.text(in: language))"
    }
}

extension FormDefinition {
    /// Every countable item, in form order, a grid's rows one by one.
    public var items: [SurveyItem] {
        questions.flatMap { question -> [SurveyItem] in
            guard question.type == .grid else { return [SurveyItem(key: question.key, question: question, row: nil)] }
            return (question.rows ?? []).map { SurveyItem(key: Question.rowKey(question.key, row: $0.value), question: question, row: $0) }
        }
    }
}
