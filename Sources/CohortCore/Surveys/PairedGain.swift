import Foundation

/// Learning gains from paired self-assessments: each person's answer after a program minus
/// their answer before, on the same item. Reported the way a careful evaluator would: the
/// number of pairs, the means before and after, the mean gain with a 95 % confidence
/// interval from the paired t distribution, and the paired effect size (mean gain divided by
/// the standard deviation of the gains). Answers without their other half are counted, and
/// left out of everything else.
public struct PairedGain: Sendable, Equatable {
    public let pairs: Int
    /// Answers that have no other half (a "before" without an "after", or the reverse).
    public let unpaired: Int
    public let meanBefore: Double
    public let meanAfter: Double
    public let meanGain: Double
    /// Nil with fewer than two pairs: one difference says nothing about its spread.
    public let confidenceInterval: ClosedRange<Double>?
    /// Nil with fewer than two pairs, or when every gain is the same (no spread to divide by).
    public let effectSize: Double?

    /// `before` and `after` by pseudonym; only pseudonyms with both count as pairs.
    public static func compute<Key: Hashable>(before: [Key: Double], after: [Key: Double]) -> PairedGain? {
        let keys = Set(before.keys).intersection(after.keys)
        let unpaired = before.count + after.count - 2 * keys.count
        guard !keys.isEmpty else { return nil }
        let firsts = keys.map { before[$0]! }, seconds = keys.map { after[$0]! }
        let gains = zip(seconds, firsts).map { $0 - $1 }
        let n = Double(keys.count)
        let meanGain = gains.reduce(0, +) / n
        var interval: ClosedRange<Double>?
        var effect: Double?
        if keys.count >= 2 {
            let variance = gains.reduce(0) { $0 + ($1 - meanGain) * ($1 - meanGain) } / (n - 1)
            let deviation = variance.squareRoot()
            let half = StudentT.quantile(0.975, degreesOfFreedom: keys.count - 1) * deviation / n.squareRoot()
            interval = (meanGain - half)...(meanGain + half)
            effect = deviation > 0 ? meanGain / deviation : nil
        }
        return PairedGain(pairs: keys.count, unpaired: unpaired, meanBefore: firsts.reduce(0, +) / n, meanAfter: seconds.reduce(0, +) / n,
                          meanGain: meanGain, confidenceInterval: interval, effectSize: effect)
    }

    /// The method note the results page carries, in plain words.
    public static let method = """
    Each person's answer after the program is paired with their own answer before it, through a pseudonym that staff cannot trace back \
    to the person. The gain is the mean of the differences. The range is a 95 % confidence interval from the paired t distribution: if \
    the program were run again with similar people, ranges made this way would hold the true mean gain 95 times in 100. The effect size \
    is the mean gain divided by the standard deviation of the gains (about 0.2 is small, 0.5 medium, 0.8 large). Answers without their \
    other half are counted and left out. Self-assessments measure what people believe they know, not a test score.
    """
}

/// The Student t distribution, as much of it as confidence intervals need.
public enum StudentT {
    /// The value below which `probability` of the distribution lies, found by bisection on the
    /// distribution function (exact enough for reporting: to 1e-9).
    public static func quantile(_ probability: Double, degreesOfFreedom df: Int) -> Double {
        precondition(probability > 0 && probability < 1 && df >= 1)
        if probability == 0.5 { return 0 }
        if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: df) }
        var low = 0.0, high = 1.0
        while cdf(high, degreesOfFreedom: df) < probability { high *= 2 }
        for _ in 0..<200 where high - low > 1e-10 {
            let middle = (low + high) / 2
            if cdf(middle, degreesOfFreedom: df) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T ≤ t) for `df` degrees of freedom, through the regularised incomplete beta function.
    public static func cdf(_ t: Double, degreesOfFreedom df: Int) -> Double {
        let v = Double(df)
        let tail = 0.5 * IncompleteBeta.regularised(x: v / (v + t * t), a: v / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }
}

/// The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz's method).
enum IncompleteBeta {
    static func regularised(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logBeta + logPowers)
        // The fraction converges fast on this side; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) on the other.
        if x < (a + 1) / (a + b + 2) { return front * fraction(x: x, a: a, b: b) / a }
        return 1 - front * fraction(x: 1 - x, a: b, b: a) / b
    }

    private static func fraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-14 { break }
        }
        return result
    }
}
