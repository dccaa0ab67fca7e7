import Foundation

/// What one item's answers add up to.
public struct ItemResult: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let value: String
        public let label: LocalizedText
        public let count: Int
        /// Of the item's answers, 0 to 1.
        public let share: Double
    }

    public let key: String
    public let answered: Int
    /// Per option or scale point, in the form's order; empty for text and numbers.
    public let counts: [Count]
    /// Ratings and numbers.
    public let mean: Double?
    public let standardDeviation: Double?
    /// Text answers, in the order given to the page (shuffled for protected surveys).
    public let texts: [String]
}

/// A survey's results, or the reason none are shown yet.
public struct SurveyResults: Sendable {
    public let responses: Int
    /// How many were asked; nil when nobody is (a survey without an audience yet).
    public let invited: Int?
    /// True when a protected survey has fewer responses than the threshold: nothing else is given.
    public let withheld: Bool
    public let threshold: Int
    public let items: [ItemResult]

    public var responseRate: Double? {
        guard let invited, invited > 0 else { return nil }
        return Double(responses) / Double(invited)
    }

    /// - Parameters:
    ///   - shuffle: reorders the text answers of a protected survey, so their order says nothing of who wrote them.
    public static func compute(_ survey: Survey, responses: [SurveyAnswers], invited: Int?, threshold: Int = SmallCells.defaultThreshold,
                               shuffle: ([String]) -> [String] = { $0.shuffled() }) -> SurveyResults {
        let protected = survey.privacy.protectsRespondents
        guard !protected || SmallCells.mayShow(responses: responses.count, threshold: threshold) else {
            return SurveyResults(responses: responses.count, invited: invited, withheld: true, threshold: threshold, items: [])
        }
        let columns = SurveyColumns(items: survey.form.items, responses: responses)
        let items = survey.form.items.map { item in
            result(item, answers: columns[item.key].compactMap { $0 }.filter { !$0.isBlank }, shuffle: protected ? shuffle : { $0 })
        }
        return SurveyResults(responses: responses.count, invited: invited, withheld: false, threshold: threshold, items: items)
    }

    static func result(_ item: SurveyItem, answers: [Answer], shuffle: ([String]) -> [String]) -> ItemResult {
        let question = item.question
        switch question.type {
        case .rating, .grid, .singleChoice, .multipleChoice, .yesNo:
            let options = question.type == .yesNo
                ? [ChoiceOption(value: "yes", label: LocalizedText(english: "Yes")), ChoiceOption(value: "no", label: LocalizedText(english: "No"))]
                : question.options
            var tally: [String: Int] = [:]
            for answer in answers {
                switch answer {
                case .text(let text): tally[question.type == .yesNo ? text.lowercased() : text, default: 0] += 1
                case .list(let items): for item in Set(items) { tally[item, default: 0] += 1 }
                }
            }
            let counts = options.map { option in
                ItemResult.Count(value: option.value, label: option.label, count: tally[option.value] ?? 0,
                                 share: answers.isEmpty ? 0 : Double(tally[option.value] ?? 0) / Double(answers.count))
            }
            let numbers = question.type.isScale ? answers.compactMap { ScaleValue.of($0) } : []
            let spread = Spread(numbers)
            return ItemResult(key: item.key, answered: answers.count, counts: counts, mean: spread?.mean, standardDeviation: spread?.deviation, texts: [])
        case .number:
            let spread = Spread(answers.compactMap { Double($0.textValue.replacingOccurrences(of: ",", with: ".")) }.filter(\.isFinite))
            return ItemResult(key: item.key, answered: answers.count, counts: [], mean: spread?.mean, standardDeviation: spread?.deviation, texts: [])
        case .shortText, .longText, .date, .email, .country, .file:
            return ItemResult(key: item.key, answered: answers.count, counts: [], mean: nil, standardDeviation: nil,
                              texts: shuffle(answers.map(\.textValue)))
        }
    }
}

/// The mean and the sample standard deviation of some numbers.
public struct Spread: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Nil for a single number.
    public let deviation: Double?

    public init?(_ numbers: [Double]) {
        guard !numbers.isEmpty else { return nil }
        count = numbers.count
        mean = numbers.reduce(0, +) / Double(numbers.count)
        let mean = mean
        deviation = numbers.count < 2 ? nil
            : (numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count - 1)).squareRoot()
    }
}
