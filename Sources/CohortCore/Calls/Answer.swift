import Foundation

/// What an applicant gave for one question: text, or a list for multiple choice.
/// Numbers, dates, yes/no and file references are kept as the text that was typed or chosen,
/// so an invalid value is saved as the person typed it and can be corrected later.
public enum Answer: Hashable, Codable, Sendable {
    case text(String)
    case list([String])

    public var isBlank: Bool {
        switch self {
        case .text(let text): Self.isBlank(text)
        case .list(let items): items.allSatisfy(Self.isBlank)
        }
    }

    /// Nothing but white space. Most answers start with a letter or a digit and are settled
    /// at their first character; trimming them (as this once did) cost more than a survey's
    /// whole results for its ten thousand responses.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// True when the answer holds a character no field takes (see `InputText`).
    public var hasForbiddenCharacter: Bool {
        switch self {
        case .text(let text): InputText.hasForbiddenCharacter(text)
        case .list(let items): items.contains(where: InputText.hasForbiddenCharacter)
        }
    }

    public var textValue: String {
        switch self {
        case .text(let text): text
        case .list(let items): items.joined(separator: ", ")
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Text first: most answers are text, and each failed attempt costs a thrown error.
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let items = try? container.decode([String].self) {
            self = .list(items)
        } else if let number = try? container.decode(Double.self) {
            self = .text(NumberText.plain(number))
        } else if let flag = try? container.decode(Bool.self) {
            self = .text(flag ? "yes" : "no")
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "An answer is text, a number, true/false or a list of text"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let items): try container.encode(items)
        }
    }
}

/// Why an answer is not acceptable, as data: the web layer words it in the applicant's language.
public enum AnswerProblem: Hashable, Sendable {
    case required
    case tooLong(maxCharacters: Int)
    case tooManyWords(limit: Int, count: Int)
    case notANumber
    case outOfRange(minimum: Double?, maximum: Double?)
    case notADate
    case notAnEmail
    case unknownOption
    case unknownCountry
    case notYesOrNo
    /// A file question's answer names no uploaded file.
    case notAFile
}

public enum AnswerValidator {
    public static let maxShortText = 500
    public static let maxLongText = 20_000

    /// The problem with one answer, or nil when it is acceptable. A blank optional answer is fine.
    public static func problem(_ answer: Answer?, for question: Question) -> AnswerProblem? {
        guard let answer, !answer.isBlank else { return question.required ? .required : nil }
        switch question.type {
        case .multipleChoice:
            let chosen: [String]
            switch answer {
            case .list(let items): chosen = items.filter { !$0.isEmpty }
            case .text(let text): chosen = [text]
            }
            let allowed = Set(question.options.map(\.value))
            return chosen.allSatisfy(allowed.contains) ? nil : .unknownOption
        case .singleChoice, .rating:
            return question.options.contains { $0.value == answer.textValue } ? nil : .unknownOption
        case .grid:
            // A grid is answered row by row: see `problems`.
            return nil
        default:
            return problem(text: answer.textValue.trimmingCharacters(in: .whitespacesAndNewlines), question: question)
        }
    }

    private static func problem(text: String, question: Question) -> AnswerProblem? {
        switch question.type {
        case .shortText:
            return text.count > maxShortText ? .tooLong(maxCharacters: maxShortText) : nil
        case .file:
            // The answer is the id of a file uploaded for this question.
            return UUID(uuidString: text) == nil ? .notAFile : nil
        case .longText:
            if text.count > maxLongText { return .tooLong(maxCharacters: maxLongText) }
            if let limit = question.wordLimit {
                let words = wordCount(text)
                if words > limit { return .tooManyWords(limit: limit, count: words) }
            }
            return nil
        case .yesNo:
            return ["yes", "no"].contains(text.lowercased()) ? nil : .notYesOrNo
        case .number:
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return .notANumber }
            if let minimum = question.minimum, value < minimum { return .outOfRange(minimum: question.minimum, maximum: question.maximum) }
            if let maximum = question.maximum, value > maximum { return .outOfRange(minimum: question.minimum, maximum: question.maximum) }
            return nil
        case .date:
            return CalendarDate(iso: text) == nil ? .notADate : nil
        case .email:
            return EmailAddress.isValid(EmailAddress.normalise(text)) ? nil : .notAnEmail
        case .country:
            return Country(code: text) == nil ? .unknownCountry : nil
        case .singleChoice, .multipleChoice, .rating, .grid:
            return nil
        }
    }

    /// Words as a reader counts them: runs of letters or digits. Scripts written without spaces
    /// between words (Khmer) count each run separated by spaces or punctuation.
    public static func wordCount(_ text: String) -> Int {
        text.split { $0.isWhitespace || ($0.isPunctuation && $0 != "'" && $0 != "’") }.count
    }

    /// Every problem in a set of answers, keyed by question, for a section or the whole form.
    public static func problems(_ answers: [String: Answer], questions: [Question]) -> [String: AnswerProblem] {
        var found: [String: AnswerProblem] = [:]
        for question in questions {
            if question.type == .grid {
                if let problem = gridProblem(answers, question: question) { found[question.key] = problem }
            } else if let problem = problem(answers[question.key], for: question) {
                found[question.key] = problem
            }
        }
        return found
    }

    /// A grid's problem: a row rated off the scale, or, when the grid is required, a row left unrated.
    private static func gridProblem(_ answers: [String: Answer], question: Question) -> AnswerProblem? {
        var rating = question
        rating.type = .rating
        for row in question.rows ?? [] {
            if let problem = problem(answers[Question.rowKey(question.key, row: row.value)], for: rating) { return problem }
        }
        return nil
    }
}
