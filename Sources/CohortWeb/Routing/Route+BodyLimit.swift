import Vapor

extension Route {
    private static let bodyLimitKey = AnySendableHashable("cohort.bodyLimit")

    /// The largest body the route collects, for middleware that must read the body before the
    /// route does (the CSRF check); nil means the application's default.
    var bodyLimit: Int? {
        get { userInfo[Self.bodyLimitKey] as? Int }
        set { userInfo[Self.bodyLimitKey] = newValue }
    }
}

extension RoutesBuilder {
    /// A POST route that takes a larger body than the default (a file upload), with its limit
    /// recorded on the route so that the CSRF check collects as much as the route will.
    @discardableResult
    func postLarge(_ pattern: RoutePattern, maxBytes: Int, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let route = on(.POST, pattern.components, body: .collect(maxSize: ByteCount(value: maxBytes)), use: closure)
        route.bodyLimit = maxBytes
        return route
    }
}
