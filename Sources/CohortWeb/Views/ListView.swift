import CohortCore
import Vapor

/// Sortable headers and page links for staff tables, as plain links so a view is a URL.
struct ListView: Sendable {
    struct Header: Sendable {
        let label: String
        let href: String?
        /// "ascending" / "descending" / nil, for `aria-sort`.
        let ariaSort: String?
        let arrow: String
    }

    struct PageLink: Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    let countText: String
    let headers: [Header]
    let pages: [PageLink]
    let previousHref: String?
    let nextHref: String?
    let isEmpty: Bool

    /// `query` (a list's filters) is kept in every link.
    init<Key>(basePath: String, request: ListRequest<Key>, total: Int, noun: (String, String),
              columns: [(label: String, key: Key?)], query: [(String, String)] = []) {
        func href(sort: Key, descending: Bool, page: Int) -> String {
            basePath + ApplicationListPresenter.queryString(query + [("sort", sort.rawValue), ("dir", descending ? "desc" : "asc"),
                                                                     ("page", "\(page)")])
        }
        countText = "\(total.formatted()) \(total == 1 ? noun.0 : noun.1)"
        headers = columns.map { column in
            guard let key = column.key else { return Header(label: column.label, href: nil, ariaSort: nil, arrow: "") }
            let isCurrent = key == request.sort
            let nextDescending = isCurrent ? !request.descending : false
            return Header(label: column.label, href: href(sort: key, descending: nextDescending, page: 1),
                          ariaSort: isCurrent ? (request.descending ? "descending" : "ascending") : nil,
                          arrow: isCurrent ? (request.descending ? " ↓" : " ↑") : "")
        }
        let count = request.pageCount(total: total)
        pages = count <= 1 ? [] : (1...count).map {
            PageLink(label: "\($0)", href: href(sort: request.sort, descending: request.descending, page: $0),
                     isCurrent: $0 == request.page)
        }
        previousHref = request.page > 1 ? href(sort: request.sort, descending: request.descending, page: request.page - 1) : nil
        nextHref = request.page < count ? href(sort: request.sort, descending: request.descending, page: request.page + 1) : nil
        isEmpty = total == 0
    }
}

extension Request {
    func listRequest<Key>(default key: Key, pageSize: Int = 25) -> ListRequest<Key> {
        ListRequest(sort: query[String.self, at: "sort"], direction: query[String.self, at: "dir"],
                    page: query[String.self, at: "page"], default: key, pageSize: pageSize)
    }
}
