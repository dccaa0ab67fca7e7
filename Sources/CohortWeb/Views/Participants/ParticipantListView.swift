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
    static func filters(_ records: [ParticipantRecord], filter: ParticipantFilter, sectorName: (String) -> String) -> [ApplicationListView.Filter] {
        func facet(_ name: String, _ label: String, values: [String], selected: String?, display: (String) -> String) -> ApplicationListView.Filter {
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            let choices = counts.sorted { display($0.key) < display($1.key) }.map { value, count in
                ApplicationListView.Choice(value: value, label: "\(display(value)) (\(count))", selected: value == selected)
            }
            return .init(name: name, label: label, choices: [.init(value: "", label: "Any", selected: selected == nil)] + choices)
        }
        return [
            facet("country", "Country", values: records.compactMap(\.country?.code), selected: filter.country) { Country(code: $0)?.englishName ?? $0 },
            facet("role", "Role of the country", values: records.map { ($0.countryRole ?? .other).rawValue }, selected: filter.role?.rawValue) {
                CountryRole(rawValue: $0)?.label ?? $0
            },
            facet("sector", "Sector", values: records.map(\.sector).filter { !$0.isEmpty }, selected: filter.sector, display: sectorName),
            ApplicationListView.Filter(name: "attendance", label: "Attendance", choices: [.init(value: "", label: "Any", selected: filter.attendance == nil)]
                + ParticipantFilter.AttendanceBand.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: filter.attendance == $0) }),
        ]
    }

    static func row(_ record: ParticipantRecord, sectorName: (String) -> String) -> Row {
        let summary = record.attendance
        return Row(name: record.name, email: record.email ?? "–", country: record.country?.englishName ?? "–",
                   role: (record.countryRole ?? .other).label, sector: record.sector.isEmpty ? "–" : sectorName(record.sector),
                   organisation: record.organisation.isEmpty ? "–" : record.organisation,
                   attendance: record.attendancePercent.map { "\(summary.sessionsAttended) of \(summary.sessionsHeld) (\($0) %)" } ?? "Nothing held yet",
                   isBelow: (record.attendancePercent ?? 100) < ParticipantFilter.AttendanceBand.threshold, certificates: record.certificates)
    }

    /// Sector names from the application form and from Cohort's organisation kinds.
    static func sectorName(_ value: String) -> String {
        ProfileSection.sectors.first { $0.value == value }?.label.text(in: .english) ?? OrganisationKind(rawValue: value)?.label ?? value
    }
}
