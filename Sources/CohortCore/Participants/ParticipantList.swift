import Foundation

/// One participant of a program as staff list them: who they are, where from (and what their
/// country is to the program), and what they attended of the sessions held so far.
public struct ParticipantRecord: Sendable, Equatable {
    public let personID: UUID
    public let name: String
    public let email: String?
    public let country: Country?
    /// What the country is to the program; nil when the program does not list it.
    public let countryRole: CountryRole?
    /// An `OrganisationKind` or application-form sector value.
    public let sector: String
    public let organisation: String
    /// Over every module's sessions held so far.
    public let attendance: AttendanceSummary
    /// Certificates held (not revoked).
    public let certificates: Int
    /// Of the program's surveys that asked them (open or closed), how many they answered.
    public let surveysAnswered: Int
    public let surveysAsked: Int

    public init(personID: UUID, name: String, email: String?, country: Country?, countryRole: CountryRole?, sector: String,
                organisation: String, attendance: AttendanceSummary, certificates: Int, surveysAnswered: Int = 0, surveysAsked: Int = 0) {
        self.personID = personID
        self.name = name
        self.email = email
        self.country = country
        self.countryRole = countryRole
        self.sector = sector
        self.organisation = organisation
        self.attendance = attendance
        self.certificates = certificates
        self.surveysAnswered = surveysAnswered
        self.surveysAsked = surveysAsked
    }

    /// Whole percent of the sessions held, nil before any was held.
    public var attendancePercent: Int? {
        attendance.sessionsHeld == 0 ? nil : Int((attendance.sessionShare * 100).rounded(.down))
    }

    /// At or above the attendance band's threshold (nothing held counts as below).
    public var meetsAttendanceBand: Bool { (attendancePercent ?? 0) >= ParticipantFilter.AttendanceBand.threshold }
}

public enum ParticipantSort: String, CaseIterable, Sendable {
    case name, country, organisation, attendance

    public var label: String {
        switch self {
        case .name: "Name"
        case .country: "Country"
        case .organisation: "Organisation"
        case .attendance: "Attendance"
        }
    }
}

/// The participants list's filters, read from a GET query so that a view is a URL. Values
/// that are not one of the choices are ignored rather than refused: a stale bookmark still opens.
public struct ParticipantFilter: Sendable, Equatable {
    public enum AttendanceBand: String, CaseIterable, Sendable {
        case below, met
        /// The share of the sessions that divides the bands; the usual completion rule.
        public static let threshold = 80

        public var label: String {
            switch self {
            case .below: "Below \(Self.threshold) % of the sessions"
            case .met: "\(Self.threshold) % of the sessions or more"
            }
        }
    }

    /// Name, email or organisation.
    public var search: String?
    public var country: String?
    public var role: CountryRole?
    public var sector: String?
    public var attendance: AttendanceBand?

    public init(search: String? = nil, country: String? = nil, role: CountryRole? = nil, sector: String? = nil,
                attendance: AttendanceBand? = nil) {
        self.search = search
        self.country = country
        self.role = role
        self.sector = sector
        self.attendance = attendance
    }

    public init(query: (String) -> String?) {
        func value(_ name: String) -> String? {
            let text = query(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty || InputText.hasForbiddenCharacter(text) ? nil : String(text.prefix(200))
        }
        search = value("q")
        country = value("country").flatMap { Country(code: $0)?.code }
        role = value("role").flatMap(CountryRole.init(rawValue:))
        sector = value("sector").map { String($0.prefix(40)) }
        attendance = value("attendance").flatMap(AttendanceBand.init(rawValue:))
    }

    /// For links and exports, in a fixed order.
    public var queryItems: [(String, String)] {
        [("q", search), ("country", country), ("role", role?.rawValue), ("sector", sector), ("attendance", attendance?.rawValue)]
            .compactMap { name, value in value.map { (name, $0) } }
    }

    public func matches(_ record: ParticipantRecord) -> Bool {
        if let search {
            let haystack = [record.name, record.email ?? "", record.organisation]
            if !haystack.contains(where: { $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil }) { return false }
        }
        if let country, record.country?.code != country { return false }
        if let role, (record.countryRole ?? .other) != role { return false }
        if let sector, record.sector != sector { return false }
        if let attendance, record.meetsAttendanceBand != (attendance == .met) { return false }
        return true
    }
}

public enum ParticipantList {
    public struct Page: Sendable {
        public let items: [ParticipantRecord]
        /// Those that match the filter, on every page.
        public let matching: [ParticipantRecord]
    }

    /// Filters, sorts (ties by name, then by id so pages never overlap) and cuts one page.
    public static func page(_ records: [ParticipantRecord], filter: ParticipantFilter, request: ListRequest<ParticipantSort>) -> Page {
        let matching = sorted(records.filter(filter.matches), by: request.sort, descending: request.descending)
        let items = Array(matching.dropFirst(request.offset).prefix(request.pageSize))
        return Page(items: items, matching: matching)
    }

    public static func sorted(_ records: [ParticipantRecord], by sort: ParticipantSort, descending: Bool) -> [ParticipantRecord] {
        func byName(_ a: ParticipantRecord, _ b: ParticipantRecord) -> Bool {
            let order = a.name.localizedStandardCompare(b.name)
            return order == .orderedSame ? a.personID.uuidString < b.personID.uuidString : order == .orderedAscending
        }
        return records.sorted { a, b in
            let order: ComparisonResult
            switch sort {
            case .name: order = .orderedSame
            case .country: order = (a.country?.englishName ?? "").localizedStandardCompare(b.country?.englishName ?? "")
            case .organisation: order = a.organisation.localizedStandardCompare(b.organisation)
            case .attendance:
                let (x, y) = (a.attendancePercent ?? -1, b.attendancePercent ?? -1)
                order = x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending
            }
            if order == .orderedSame { return descending ? byName(b, a) : byName(a, b) }
            return descending ? order == .orderedDescending : order == .orderedAscending
        }
    }

    /// The CSV: identities (name and email) only when asked for; every cell formula-safe.
    public static func csv(_ records: [ParticipantRecord], withNames: Bool, sectorName: (String) -> String) -> String {
        let header = (withNames ? ["Name", "Email"] : []) + ["Country", "Role of the country", "Sector", "Organisation",
                                                             "Sessions attended", "Sessions held", "Attendance (%)", "Hours attended",
                                                             "Certificates", "Surveys answered", "Surveys asked"]
        let rows = records.map { record in
            (withNames ? [record.name, record.email ?? ""] : []) + [
                record.country?.englishName ?? "", (record.countryRole ?? .other).label, sectorName(record.sector), record.organisation,
                "\(record.attendance.sessionsAttended)", "\(record.attendance.sessionsHeld)", record.attendancePercent.map(String.init) ?? "",
                String(format: "%.1f", record.attendance.hoursAttended), "\(record.certificates)",
                "\(record.surveysAnswered)", "\(record.surveysAsked)",
            ]
        }
        return CSVWriter.document(header: header, rows: rows)
    }
}
