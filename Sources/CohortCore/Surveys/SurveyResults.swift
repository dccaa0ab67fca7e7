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
        let items = survey.form.items.map { item in
            result(item, answers: responses.compactMap { $0.answers[item.key] }.filter { !$0.isBlank }, shuffle: protected ? shuffle : { $0 })
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
            let numbers = question.type.isScale ? answers.compactMap { Double($0.textValue) } : []
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

/// One item's mean per group of respondents, with groups under the threshold hidden
/// (`SmallCells`): a group's mean is never shown for fewer people than the threshold.
public struct ItemBreakdown: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let name: String
        public let responses: Int
        public let mean: Double?
    }

    public let dimension: BreakdownDimension
    public let groups: [Group]
    public let hiddenGroups: Int

    public static func compute(_ item: SurveyItem, responses: [SurveyAnswers], by dimension: BreakdownDimension,
                               threshold: Int = SmallCells.defaultThreshold) -> ItemBreakdown {
        var members: [String: [SurveyAnswers]] = [:]
        for response in responses { members[response.groups[dimension] ?? "Not known", default: []].append(response) }
        let shown = SmallCells.suppress(members.mapValues(\.count), threshold: threshold)
        let groups = shown.shown.keys.sorted().map { name in
            Group(name: name, responses: members[name]!.count,
                  mean: Spread(members[name]!.compactMap { $0.answers[item.key].flatMap { Double($0.textValue) } })?.mean)
        }
        return ItemBreakdown(dimension: dimension, groups: groups, hiddenGroups: shown.hiddenGroups)
    }
}

/// A survey's responses as CSV: a row each, a column per item, the groups each response is
/// counted in. Names only for an identified survey; a protected survey's rows are shuffled so
/// their order says nothing, and carry no person column at all.
public enum SurveyCSV {
    public struct Row: Sendable {
        public let person: (name: String, email: String)?
        public let answers: SurveyAnswers

        public init(person: (name: String, email: String)?, answers: SurveyAnswers) {
            self.person = person
            self.answers = answers
        }
    }

    public static func document(_ survey: Survey, rows: [Row], shuffle: ([Row]) -> [Row] = { $0.shuffled() }) -> String {
        let items = survey.form.items
        let identified = survey.privacy == .identified
        let header = (identified ? ["Name", "Email"] : []) + BreakdownDimension.allCases.map(\.label) + items.map(\.key)
        let ordered = identified ? rows : shuffle(rows)
        let lines = ordered.map { row in
            (identified ? [row.person?.name ?? "", row.person?.email ?? ""] : [])
                + BreakdownDimension.allCases.map { row.answers.groups[$0] ?? "" }
                + items.map { row.answers.answers[$0.key]?.textValue ?? "" }
        }
        return CSVWriter.document(header: header, rows: lines)
    }
}
