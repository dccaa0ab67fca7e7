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

/// Responses turned around: per item, every response's answer in response order. Each
/// response's answers are visited once here; reading an item's answers is then one lookup,
/// not one per response (with ten thousand responses, key lookups were most of the time).
public struct SurveyColumns: Sendable {
    public let count: Int
    private let columns: [String: [Answer?]]

    public init(items: [SurveyItem], responses: [SurveyAnswers]) {
        var columns = Dictionary(uniqueKeysWithValues: items.map { ($0.key, [Answer?](repeating: nil, count: responses.count)) })
        for (index, response) in responses.enumerated() {
            for (key, answer) in response.answers { columns[key]?[index] = answer }
        }
        self.columns = columns
        count = responses.count
    }

    public subscript(key: String) -> [Answer?] { columns[key] ?? [Answer?](repeating: nil, count: count) }
}

/// A rating as a number. Scale points are short runs of digits ("1" to "5"), read here
/// without the general parser: a survey's page reads every rating of every response.
public enum ScaleValue {
    public static func of(_ answer: Answer?) -> Double? {
        guard case .text(let text)? = answer else { return nil }
        return of(text)
    }

    public static func of(_ text: String) -> Double? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39, digits < 6 else { return Double(text).flatMap { $0.isFinite ? $0 : nil } }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits == 0 ? nil : Double(value)
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
        SurveyScores(items: [item], responses: responses).breakdown(item, by: dimension, threshold: threshold)
    }
}

/// A survey's ratings read once into numbers, and each response's group as a number per
/// dimension, so that every item's breakdown by every group is one pass over arrays.
public struct SurveyScores: Sendable {
    /// Per rated item, each response's point on the scale (nil where not rated).
    let values: [String: [Double?]]
    /// Per dimension, the groups' names, and each response's group as an index into them.
    let names: [BreakdownDimension: [String]]
    let members: [BreakdownDimension: [Int]]

    public init(items: [SurveyItem], responses: [SurveyAnswers], columns: SurveyColumns? = nil) {
        let columns = columns ?? SurveyColumns(items: items, responses: responses)
        var values: [String: [Double?]] = [:]
        for item in items where item.isScale { values[item.key] = columns[item.key].map { ScaleValue.of($0) } }
        self.values = values
        var names: [BreakdownDimension: [String]] = [:], members: [BreakdownDimension: [Int]] = [:]
        for dimension in BreakdownDimension.allCases {
            var index: [String: Int] = [:], list: [String] = []
            members[dimension] = responses.map { response in
                let name = response.groups[dimension] ?? "Not known"
                if let known = index[name] { return known }
                index[name] = list.count
                list.append(name)
                return list.count - 1
            }
            names[dimension] = list
        }
        self.names = names
        self.members = members
    }

    public func breakdown(_ item: SurveyItem, by dimension: BreakdownDimension, threshold: Int = SmallCells.defaultThreshold) -> ItemBreakdown {
        let names = self.names[dimension] ?? [], members = self.members[dimension] ?? []
        let ratings = values[item.key] ?? []
        var counts = [Int](repeating: 0, count: names.count), rated = counts
        var sums = [Double](repeating: 0, count: names.count)
        for (response, group) in members.enumerated() {
            counts[group] += 1
            if response < ratings.count, let value = ratings[response] {
                sums[group] += value
                rated[group] += 1
            }
        }
        let shown = SmallCells.suppress(Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, counts[$0]) }), threshold: threshold)
        let list = names.enumerated().filter { shown.shown[$0.element] != nil }.sorted { $0.element < $1.element }.map { group, name in
            ItemBreakdown.Group(name: name, responses: counts[group], mean: rated[group] == 0 ? nil : sums[group] / Double(rated[group]))
        }
        return ItemBreakdown(dimension: dimension, groups: list, hiddenGroups: shown.hiddenGroups)
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
