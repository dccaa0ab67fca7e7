import Foundation

/// Where secrets come from: private-link, session, CSRF and API tokens, and the one-time
/// passwords of new accounts. The server reads `Randomness.system` (the operating system's
/// cryptographic source); tests give a seeded one, so the tokens a test sees are the same on
/// every run. Row identifiers are `UUID()`: nothing depends on their value.
public struct Randomness: Sendable {
    private let fill: @Sendable (Int) -> [UInt8]

    public init(_ fill: @escaping @Sendable (Int) -> [UInt8]) {
        self.fill = fill
    }

    public func bytes(_ count: Int) -> [UInt8] { fill(count) }

    /// A number below `bound`, without the bias of taking a remainder.
    public func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        var generator = Generator(randomness: self)
        return Int.random(in: 0..<bound, using: &generator)
    }

    /// The operating system's cryptographic source (`getrandom` on Linux).
    public static let system = Randomness { count in
        // Eight bytes a call: each draw is a system call.
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Array(bytes.prefix(count))
    }

    /// The same bytes for the same seed: for tests only, never for a server.
    public static func seeded(_ seed: UInt64) -> Randomness {
        let state = SeededState(seed: seed)
        return Randomness { count in state.take(count) }
    }

    /// Draws through the standard library's generator interface.
    struct Generator: RandomNumberGenerator {
        let randomness: Randomness

        mutating func next() -> UInt64 {
            randomness.bytes(8).reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}

private final class SeededState: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    func take(_ count: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }
}
