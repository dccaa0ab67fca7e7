import Foundation

/// A capacity-building program: the unit that calls, cohorts and reports belong to.
public struct Program: Hashable, Sendable {
    public var id: UUID
    public var slug: String
    public var title: String
    public var theme: String
    public var hostCountry: Country
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var summary: String
    public var description: String
    public var status: ProgramStatus
    public var leadOrganisationID: UUID?
    public var isSample: Bool

    public init(id: UUID, slug: String, title: String, theme: String, hostCountry: Country,
                startDate: CalendarDate, endDate: CalendarDate, summary: String, description: String,
                status: ProgramStatus, leadOrganisationID: UUID?, isSample: Bool = false) {
        self.id = id
        self.slug = slug
        self.title = title
        self.theme = theme
        self.hostCountry = hostCountry
        self.startDate = startDate
        self.endDate = endDate
        self.summary = summary
        self.description = description
        self.status = status
        self.leadOrganisationID = leadOrganisationID
        self.isSample = isSample
    }

    public var periodText: String { DateRangeText.period(from: startDate, to: endDate) }
}

/// When a program happens relative to today, which orders the home page.
public enum ProgramTiming: Int, Comparable, Sendable {
    case current = 0, upcoming = 1, past = 2

    public init(start: CalendarDate, end: CalendarDate, today: CalendarDate) {
        if end < today { self = .past } else if start > today { self = .upcoming } else { self = .current }
    }

    public static func < (lhs: ProgramTiming, rhs: ProgramTiming) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Program {
    public func timing(today: CalendarDate) -> ProgramTiming {
        ProgramTiming(start: startDate, end: endDate, today: today)
    }

    /// Home page order: current and upcoming first (soonest first), then past (most recent first).
    public static func publicOrder(_ programs: [Program], today: CalendarDate) -> [Program] {
        programs.sorted { a, b in
            let ta = a.timing(today: today), tb = b.timing(today: today)
            if ta != tb { return ta < tb }
            if ta == .past {
                return (a.endDate, a.title) > (b.endDate, b.title)
            }
            return (a.startDate, a.title) < (b.startDate, b.title)
        }
    }
}
