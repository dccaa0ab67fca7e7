import Vapor

/// Logs each request by its route pattern ("GET /programs/:slug"), never the concrete
/// path or query, which may carry tokens or search terms that identify a person.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let pattern = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(no route)"
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info("\(request.method) \(pattern) \(response.status.code) \(String(format: "%.1f", ms))ms")
        return response
    }
}
