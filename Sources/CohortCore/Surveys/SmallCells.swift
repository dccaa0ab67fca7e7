/// Small-cell suppression: a breakdown never shows a group so small that one person's answer
/// could be read off it. Groups under the threshold are hidden, and so is the rest when only
/// one group would be hidden (its count would follow from the total by subtraction).
public enum SmallCells {
    /// The usual threshold; a setting can raise it.
    public static let defaultThreshold = 5

    public struct Breakdown<Group: Hashable & Sendable>: Sendable {
        /// The groups that may be shown, with their counts.
        public let shown: [Group: Int]
        /// How many groups were hidden (their names are not given either).
        public let hiddenGroups: Int
    }

    public static func suppress<Group: Hashable & Sendable>(_ counts: [Group: Int], threshold: Int = defaultThreshold) -> Breakdown<Group> {
        var shown = counts.filter { $0.value >= threshold }
        var hidden = counts.count - shown.count
        // One hidden group among shown ones could be worked out from the total: hide the smallest shown too.
        if hidden == 1, let smallest = shown.min(by: { ($0.value, "\($0.key)") < ($1.value, "\($1.key)") }) {
            shown[smallest.key] = nil
            hidden += 1
        }
        return Breakdown(shown: shown, hiddenGroups: hidden)
    }

    /// Whether a survey's results may be shown at all: anonymous and paired surveys need at least
    /// `threshold` responses before any figure appears.
    public static func mayShow(responses: Int, threshold: Int = defaultThreshold) -> Bool { responses >= threshold }
}
