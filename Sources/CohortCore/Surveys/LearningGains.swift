import Foundation

/// A paired survey's response: answers under the person's pseudonym for the pair.
public struct PairedResponse: Sendable {
    public let pseudonym: String
    public let response: SurveyAnswers

    public init(pseudonym: String, response: SurveyAnswers) {
        self.pseudonym = pseudonym
        self.response = response
    }
}

/// Learning gains of a pre/post pair: per item, per topic (a person's mean over the topic's
/// items), and the overall score (their mean over every item) broken down by group. Any
/// figure resting on fewer pairs than the threshold is withheld, and a breakdown hides groups
/// the way `SmallCells` does.
public struct LearningGains: Sendable {
    public struct Line: Sendable {
        public let key: String
        public let label: LocalizedText
        /// Nil when withheld (too few pairs) or when nobody answered both halves.
        public let gain: PairedGain?
        public let pairs: Int
        public let withheld: Bool
    }

    public struct GroupLine: Sendable {
        public let name: String
        public let gain: PairedGain
    }

    public struct Breakdown: Sendable {
        public let dimension: BreakdownDimension
        public let groups: [GroupLine]
        public let hiddenGroups: Int
    }

    public let items: [Line]
    public let topics: [Line]
    public let overall: Line
    public let breakdowns: [Breakdown]
    /// People who answered one half only (counted once each, whichever half).
    public let unpaired: Int
    public let pairs: Int
    public let threshold: Int

    public static func compute(before: [PairedResponse], after: [PairedResponse], items allItems: [SurveyItem],
                               threshold: Int = SmallCells.defaultThreshold) -> LearningGains {
        let items = allItems.filter(\.isScale)
        let first = Dictionary(before.map { ($0.pseudonym, $0.response) }, uniquingKeysWith: { a, _ in a })
        let second = Dictionary(after.map { ($0.pseudonym, $0.response) }, uniquingKeysWith: { a, _ in a })
        let paired = Set(first.keys).intersection(second.keys)
        let unpaired = first.count + second.count - 2 * paired.count

        func line(_ key: String, _ label: LocalizedText, score: (SurveyAnswers) -> Double?) -> Line {
            let gain = PairedGain.compute(before: first.compactMapValues(score), after: second.compactMapValues(score))
            let pairs = gain?.pairs ?? 0
            let withheld = pairs < threshold
            return Line(key: key, label: label, gain: withheld ? nil : gain, pairs: pairs, withheld: withheld)
        }

        let itemLines = items.map { item in
            line(item.key, LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, item.label(in: $0)) }))) {
                Self.value($0, item.key)
            }
        }
        var topicOrder: [String] = []
        var topicItems: [String: [SurveyItem]] = [:]
        for item in items {
            if topicItems[item.topic] == nil { topicOrder.append(item.topic) }
            topicItems[item.topic, default: []].append(item)
        }
        let topicLines = topicOrder.map { topic in
            let members = topicItems[topic]!
            let label = members.first?.row?.label ?? LocalizedText(english: topic)
            return line(topic, label) { Self.mean($0, of: members) }
        }
        let overall = line("overall", LocalizedText(english: "All items"), score: { Self.mean($0, of: items) })

        let breakdowns = BreakdownDimension.allCases.map { dimension in
            var members: [String: Set<String>] = [:]
            for pseudonym in paired {
                let group = second[pseudonym]!.groups[dimension] ?? first[pseudonym]!.groups[dimension] ?? "Not known"
                members[group, default: []].insert(pseudonym)
            }
            let suppressed = SmallCells.suppress(members.mapValues(\.count), threshold: threshold)
            let groups = suppressed.shown.keys.sorted().compactMap { name -> GroupLine? in
                let people = members[name]!
                let gain = PairedGain.compute(before: first.filter { people.contains($0.key) }.compactMapValues { Self.mean($0, of: items) },
                                              after: second.filter { people.contains($0.key) }.compactMapValues { Self.mean($0, of: items) })
                return gain.map { GroupLine(name: name, gain: $0) }
            }
            return Breakdown(dimension: dimension, groups: groups, hiddenGroups: suppressed.hiddenGroups)
        }
        return LearningGains(items: itemLines, topics: topicLines, overall: overall, breakdowns: breakdowns, unpaired: unpaired,
                             pairs: paired.count, threshold: threshold)
    }

    static func value(_ response: SurveyAnswers, _ key: String) -> Double? {
        ScaleValue.of(response.answers[key])
    }

    /// A person's mean over the items they rated; nil when they rated none.
    static func mean(_ response: SurveyAnswers, of items: [SurveyItem]) -> Double? {
        Spread(items.compactMap { value(response, $0.key) })?.mean
    }
}
