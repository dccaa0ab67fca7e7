/// A sortable, paged view of a staff list, read from a GET query so that it can be bookmarked.
public struct ListRequest<Key: RawRepresentable & CaseIterable & Sendable & Equatable>: Sendable, Equatable
    where Key.RawValue == String {
    public var sort: Key
    public var descending: Bool
    public var page: Int
    public var pageSize: Int

    public init(sort: String?, direction: String?, page: String?, default defaultKey: Key, pageSize: Int = 25) {
        self.sort = sort.flatMap(Key.init(rawValue:)) ?? defaultKey
        self.descending = direction == "desc"
        self.page = max(1, page.flatMap { Int($0) }.map { min($0, 100_000) } ?? 1)
        self.pageSize = pageSize
    }

    public var offset: Int { (page - 1) * pageSize }

    public func pageCount(total: Int) -> Int { max(1, (total + pageSize - 1) / pageSize) }
}
