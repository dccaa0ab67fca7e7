import Foundation

/// Co-design: the topics of a needs assessment ranked by how much participants said they need
/// them, each with the sessions that answer it. A need among the most requested that no
/// session answers is a gap for the agenda to close.
public struct NeedsRanking: Sendable {
    public struct Need: Sendable, Equatable {
        public let topic: String
        public let label: LocalizedText
        public let rank: Int
        /// How many rated the need; its mean on the scale; the mean knowledge they reported.
        public let answered: Int
        public let meanNeed: Double?
        public let meanKnowledge: Double?
        public let sessions: Set<UUID>
        /// Among the `top` most requested, and no session answers it.
        public let isGap: Bool
    }

    public static let needKey = "need"
    public static let knowledgeKey = "knowledge"
    /// How many of the most requested needs the agenda is checked against.
    public static let top = 5

    public let needs: [Need]
    public let responses: Int
    public let invited: Int?

    /// - Parameters:
    ///   - links: the sessions that answer each topic, by topic key.
    public static func compute(_ survey: Survey, responses: [SurveyAnswers], invited: Int?, links: [String: Set<UUID>],
                               columns: SurveyColumns? = nil) -> NeedsRanking {
        guard let grid = survey.form.question(needKey), grid.type == .grid else {
            return NeedsRanking(needs: [], responses: responses.count, invited: invited)
        }
        let columns = columns ?? SurveyColumns(items: survey.form.items, responses: responses)
        func mean(_ key: String) -> (Int, Double?) {
            let values = columns[key].compactMap { ScaleValue.of($0) }
            return (values.count, Spread(values)?.mean)
        }
        let rated = (grid.rows ?? []).enumerated().map { index, row in
            (index, row, mean(Question.rowKey(needKey, row: row.value)), mean(Question.rowKey(knowledgeKey, row: row.value)).1)
        }
        // Most needed first; ties keep the form's order, so the ranking is the same on every reading.
        let ordered = rated.sorted { ($0.2.1 ?? -1, -$0.0) > ($1.2.1 ?? -1, -$1.0) }
        let needs = ordered.enumerated().map { rank, entry in
            let sessions = links[entry.1.value] ?? []
            return Need(topic: entry.1.value, label: entry.1.label, rank: rank + 1, answered: entry.2.0, meanNeed: entry.2.1,
                        meanKnowledge: entry.3, sessions: sessions, isGap: rank < top && entry.2.1 != nil && sessions.isEmpty)
        }
        return NeedsRanking(needs: needs, responses: responses.count, invited: invited)
    }

    /// The most requested needs that have been rated, at most `top`.
    public var mostRequested: [Need] { Array(needs.filter { $0.meanNeed != nil }.prefix(Self.top)) }

    /// The sessions answering the most requested needs, by their number on the agenda, in order.
    public func coveringNumbers(_ numbers: [UUID: Int]) -> [Int] {
        Array(Set(mostRequested.flatMap(\.sessions).compactMap { numbers[$0] })).sorted()
    }
}

/// Keys made from the topics a manager types, one per line: lower-case, underscores, unique.
public enum TopicKeys {
    public static func make(_ labels: [String]) -> [(key: String, label: String)] {
        var taken = Set<String>()
        return labels.map { label in
            var base = String(label.lowercased().unicodeScalars.map { scalar -> Character in
                ("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)) ? Character(scalar) : "_"
            })
            base = base.split(separator: "_").joined(separator: "_")
            if base.isEmpty || !("a"..."z").contains(base.first!) { base = "topic_" + base }
            base = String(base.prefix(32)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
            var key = base
            var suffix = 2
            while taken.contains(key) { key = "\(base)_\(suffix)"; suffix += 1 }
            taken.insert(key)
            return (key, label)
        }
    }
}

/// Sessions as the co-design statement counts them: "session 7" is the seventh session of the
/// program's agenda by start, leaving out breaks, meals and cancelled sessions.
public enum SessionNumbers {
    public static func make(_ sessions: [AgendaSession]) -> [UUID: Int] {
        let counted = sessions.filter { !$0.isCancelled && $0.kind != .breakTime && $0.kind != .meal }
            .sorted { ($0.start, $0.id.uuidString) < ($1.start, $1.id.uuidString) }
        return Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1.id, $0 + 1) })
    }
}

extension NeedsRanking {
    /// What the published agenda says of its co-design, or nil before anyone has answered:
    /// "Designed with program participants: 24 of 30 answered the needs assessment; the five
    /// most requested topics are covered in sessions 2, 5, 7, 9 and 12."
    public func statement(numbers: [UUID: Int]) -> String? {
        guard responses > 0 else { return nil }
        let answered = invited.map { "\(responses) of \($0) answered the needs assessment" } ?? "\(responses) answered the needs assessment"
        let top = mostRequested
        let covered = top.filter { need in need.sessions.contains { numbers[$0] != nil } }
        let sessions = coveringNumbers(numbers)
        let counted = top.count == Self.top ? "five" : Self.spelled(top.count)
        let subject = top.count == 1 ? "the most requested topic" : "the \(counted) most requested topics"
        let coverage: String
        if top.isEmpty {
            coverage = "no topic has been rated yet"
        } else if covered.isEmpty {
            coverage = "\(subject) are not yet covered by a session"
        } else {
            let list = ListText.and(sessions.map(String.init))
            let word = sessions.count == 1 ? "session" : "sessions"
            coverage = covered.count == top.count
                ? "\(subject) \(top.count == 1 ? "is" : "are") covered in \(word) \(list)"
                : "\(covered.count) of \(subject) are covered, in \(word) \(list)"
        }
        return "Designed with program participants: \(answered); \(coverage)."
    }

    static func spelled(_ number: Int) -> String {
        ["no", "one", "two", "three", "four", "five"].indices.contains(number) ? ["no", "one", "two", "three", "four", "five"][number] : "\(number)"
    }
}

/// "2, 5 and 7".
public enum ListText {
    public static func and(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
