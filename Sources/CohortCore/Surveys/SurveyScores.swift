import Foundation

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
