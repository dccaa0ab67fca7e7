import Foundation

/// Where the time comes from. The server, its loops and its commands read `WallClock.system`,
/// the one place in Cohort that asks the machine; tests give a fixed or moving time.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    public static let system = WallClock { Date() }

    /// Always `date`.
    public static func fixed(_ date: Date) -> WallClock {
        WallClock { date }
    }
}
