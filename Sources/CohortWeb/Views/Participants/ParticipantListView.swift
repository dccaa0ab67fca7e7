import CohortCore

/// The staff list of a program's participants.
struct ParticipantListView: Sendable {
    struct Row: Sendable {
        let name: String
        let email: String
        let country: String
        let role: String
        let sector: String
        let organisation: String
        /// "41 of 44 (93 %)", or "Nothing held yet".
        let attendance: String
        let isBelow: Bool
        let certificates: Int
        let surveys: String
    }

    let programTitle: String
    let tabs: [Tab]
    let action: String
    let search: String
    let filters: [ApplicationListView.Filter]
    let list: ListView
    let rows: [Row]
    let isFiltered: Bool
    let exportHref: String
    let exportWithNamesHref: String
    let peopleHref: String
}

extension ParticipantListView {
    /// Filter choices with their counts over every participant, so a choice never leads to an
    /// empty list without saying so.
    static func filters(_ records: [ParticipantRecord], filter: ParticipantFilter) -> [ApplicationListView.Filter] {
        func counts(_ values: [String]) -> [String: Int] { Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +) }
        return [
            .facet("country", "Country", counts: counts(records.compactMap(\.country?.code)), selected: filter.country) {
                Country(code: $0)?.englishName ?? $0
            },
            .facet("role", "Role of the country", counts: counts(records.map { ($0.countryRole ?? .other).rawValue }),
                   selected: filter.role?.rawValue) { CountryRole(rawValue: $0)?.label ?? $0 },
            .facet("sector", "Sector", counts: counts(records.map(\.sector).filter { !$0.isEmpty }), selected: filter.sector,
                   display: sectorName),
            ApplicationListView.Filter(name: "attendance", label: "Attendance", choices: [.init(value: "", label: "Any", selected: filter.attendance == nil)]
                + ParticipantFilter.AttendanceBand.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: filter.attendance == $0) }),
        ]
    }

    static func row(_ record: ParticipantRecord) -> Row {
        let summary = record.attendance
        return Row(name: record.name, email: record.email ?? "–", country: record.country?.englishName ?? "–",
                   role: (record.countryRole ?? .other).label, sector: record.sector.isEmpty ? "–" : sectorName(record.sector),
                   organisation: record.organisation.isEmpty ? "–" : record.organisation,
                   attendance: record.attendancePercent.map { "\(summary.sessionsAttended) of \(summary.sessionsHeld) (\($0) %)" } ?? "Nothing held yet",
                   // Marked only once something was held: before that nobody is behind.
                   isBelow: record.attendancePercent != nil && !record.meetsAttendanceBand, certificates: record.certificates,
                   surveys: record.surveysAsked == 0 ? "–" : "\(record.surveysAnswered) of \(record.surveysAsked)")
    }

    /// Sector names from the application form and from Cohort's organisation kinds.
    static func sectorName(_ value: String) -> String {
        ProfileSection.sectors.first { $0.value == value }?.label.text(in: .english) ?? OrganisationKind(rawValue: value)?.label ?? value
    }
}
