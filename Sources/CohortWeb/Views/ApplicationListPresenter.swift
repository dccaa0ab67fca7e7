import CohortCore
import CohortStore
import Foundation
import Vapor

/// Builds the applications list page from what was loaded: filter choices with their counts
/// (read with the page), rows, page links. It runs no query.
struct ApplicationListPresenter {
    let request: Request
    let call: Call
    let program: Program
    let filter: ApplicationFilter
    let sort: ApplicationSort
    let page: ApplicationListStore.Page
    let isFirstPage: Bool
    let mayDecide: Bool
    let mayManage: Bool

    func view() -> ApplicationListView {
        let base = SiteURL.callApplications(call.id).path
        let facets = page.facets
        let (status, nationality, sector, gender, language) = (facets[.status] ?? [:], facets[.nationality] ?? [:], facets[.sector] ?? [:],
                                                               facets[.gender] ?? [:], facets[.language] ?? [:])
        let sectorNames = Dictionary(uniqueKeysWithValues: ProfileSection.sectors.map { ($0.value, $0.label.text(in: .english)) })
        let genderNames = Dictionary(uniqueKeysWithValues: ProfileSection.genders.map { ($0.value, $0.label.text(in: .english)) })
        let filters = [
            ApplicationListView.Filter.facet("status", "Status", counts: status, selected: filter.status?.rawValue) { ApplicationStatus(rawValue: $0)?.label ?? $0 },
            ApplicationListView.Filter(name: "eligible", label: "Eligibility", choices: [
                .init(value: "", label: "Any", selected: filter.eligible == nil),
                .init(value: "yes", label: "Eligible", selected: filter.eligible == true),
                .init(value: "no", label: "Not eligible", selected: filter.eligible == false),
            ]),
            ApplicationListView.Filter.facet("nationality", "Nationality", counts: nationality, selected: filter.nationality) { Country(code: $0)?.englishName ?? "Not given" },
            ApplicationListView.Filter.facet("sector", "Sector", counts: sector, selected: filter.sector) { sectorNames[$0] ?? "Not given" },
            ApplicationListView.Filter.facet("gender", "Gender", counts: gender, selected: filter.gender) { genderNames[$0] ?? "Not given" },
            ApplicationListView.Filter.facet("language", "Language", counts: language, selected: filter.language?.rawValue) { Language(rawValue: $0)?.englishName ?? $0 },
        ]
        let query = filter.queryItems + [("sort", sort.rawValue)]
        let rows = page.items.map { item in
            ApplicationListView.Row(
                href: SiteURL.callApplication(callID: call.id, id: item.id).path, checkboxName: "select__\(item.id.uuidString.lowercased())", reference: item.reference ?? "—",
                name: item.fullName.isEmpty ? "(no name yet)" : item.fullName, status: item.status.label,
                country: Country(code: item.nationality)?.englishName ?? "—", sector: sectorNames[item.sector] ?? "—",
                eligible: item.isEligible ? "Eligible" : "Not eligible", isIneligible: !item.isEligible,
                submitted: item.submittedAt.map { CalendarDate($0).iso } ?? "—")
        }
        return ApplicationListView(
            callTitle: call.title.text(in: .english), programTitle: program.title,
            countText: "\(page.total.formatted()) application\(page.total == 1 ? "" : "s")\(filter == ApplicationFilter() ? "" : " match")",
            filters: filters, search: filter.search ?? "", from: filter.submittedFrom?.iso ?? "", to: filter.submittedTo?.iso ?? "",
            sorts: ApplicationSort.allCases.map { .init(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == sort) },
            rows: rows, isEmpty: rows.isEmpty,
            nextHref: page.next.map { base + Self.queryString(query + [("after", $0.token)]) },
            firstHref: isFirstPage ? nil : base + Self.queryString(query),
            exportHref: SiteURL.callExport(call.id).path + Self.queryString(filter.queryItems),
            exportWithIdentitiesHref: SiteURL.callExport(call.id).path + Self.queryString(filter.queryItems + [("identities", "yes")]),
            action: base, publicHref: SiteURL.call(call.id).path,
            statusForm: mayDecide ? StatusFormView(
                action: SiteURL.callBulkStatus(call.id).path, csrf: request.csrfToken(), selectName: nil,
                back: base + Self.queryString(query),
                choices: ApplicationStatus.staffSettable.map { .init(value: $0.rawValue, label: $0.label, selected: false) }) : nil,
            settingsHref: mayManage ? SiteURL.editCall(call.id).path : nil, formHref: mayManage ? SiteURL.callForm(call.id).path : nil,
            reviewHref: AccessPolicy.allows(request.actor, .manageReview(call.programID)) ? SiteURL.callReview(call.id).path : nil,
            selectionHref: AccessPolicy.allows(request.actor, .runSelection(call.programID)) ? SiteURL.callSelection(call.id).path : nil)
    }

    static func queryString(_ items: [(String, String)]) -> String {
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}
