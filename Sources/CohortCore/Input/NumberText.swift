import Foundation

/// A number written back as text, the way a person would type it: whole numbers without a
/// decimal point. Whole numbers beyond `Int`'s range are written as `Double` writes them,
/// because `Int(value)` on such a number (`1e300`, `-1e300`) stops the process.
public enum NumberText {
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), let whole = Int(exactly: value) { return String(whole) }
        return String(value)
    }

    /// The whole part of `value` as an `Int`, or nil when it is not finite or out of range.
    public static func whole(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return Int(exactly: value.rounded(.towardZero))
    }

    /// A percentage rounded to a whole number; 0 when the total is 0.
    public static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return "\(whole((Double(part) / Double(total) * 100).rounded()) ?? 0)%"
    }
}
