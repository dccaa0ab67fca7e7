import Foundation

/// How much of a module one person attended. Breaks and meals are on the agenda but are not
/// sessions anyone attends; cancelled sessions count for nobody.
public struct AttendanceSummary: Hashable, Sendable {
    public let sessionsHeld: Int
    public let sessionsAttended: Int
    public let hoursHeld: Double
    public let hoursAttended: Double

    public init(sessions: [AgendaSession], attended: Set<UUID>) {
        let counted = sessions.filter(AttendanceSummary.counts)
        let present = counted.filter { attended.contains($0.id) }
        sessionsHeld = counted.count
        sessionsAttended = present.count
        hoursHeld = counted.reduce(0) { $0 + Self.hours($1) }
        hoursAttended = present.reduce(0) { $0 + Self.hours($1) }
    }

    /// Whether a session is one people attend (and so one the completion rule counts).
    public static func counts(_ session: AgendaSession) -> Bool {
        !session.isCancelled && session.kind != .breakTime && session.kind != .meal
    }

    static func hours(_ session: AgendaSession) -> Double {
        max(0, session.end.timeIntervalSince(session.start)) / 3600
    }

    /// From 0 to 1; 0 when nothing was held.
    public var sessionShare: Double { sessionsHeld == 0 ? 0 : Double(sessionsAttended) / Double(sessionsHeld) }
    public var hourShare: Double { hoursHeld == 0 ? 0 : hoursAttended / hoursHeld }
}

/// What a participant must have attended of a module to receive its certificate, for example
/// at least 80 % of the sessions, or of the hours.
public struct CompletionRule: Hashable, Sendable, Codable {
    public enum Measure: String, CaseIterable, Codable, Sendable {
        case sessions, hours
    }

    public var measure: Measure
    /// From 1 to 100.
    public var minimumPercent: Int

    public init(measure: Measure = .sessions, minimumPercent: Int = 80) {
        self.measure = measure
        self.minimumPercent = min(100, max(1, minimumPercent))
    }

    /// Met when the attended share reaches the minimum; a module that held nothing is completed by nobody.
    public func isMet(by summary: AttendanceSummary) -> Bool {
        guard summary.sessionsHeld > 0 else { return false }
        let share = measure == .sessions ? summary.sessionShare : summary.hourShare
        // In hundredths, so 4 of 5 sessions meets 80 % exactly despite floating point.
        return (share * 10_000).rounded() >= Double(minimumPercent * 100)
    }
}
