import Foundation
import Mustache
import Vapor

/// The Mustache templates, parsed once at start-up. Double braces HTML-escape everything;
/// triple braces are never used.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw Abort(.internalServerError, reason: "templates are missing from the build")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder))
    }

    func render(_ context: Any, template: String) -> String {
        guard let html = library.render(context, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }
}

extension Request {
    func render(_ template: String, _ context: Any, status: HTTPStatus = .ok) -> Response {
        let html = application.renderer.render(context, template: template)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
