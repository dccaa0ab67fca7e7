import Foundation
import Mustache
import Vapor

/// The Mustache templates, parsed once at start-up. Double braces HTML-escape everything;
/// triple braces are never used.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// The templates in the build's resources; start-up stops here if any page's template is missing.
    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw MissingTemplates(names: Template.allCases.map(\.rawValue))
        }
        return try check(await MustacheLibrary(directory: folder))
    }

    /// A renderer for `library`, if it holds every template in `Template`.
    static func check(_ library: MustacheLibrary) throws -> PageRenderer {
        let missing = Template.allCases.filter { library.getTemplate(named: $0.rawValue) == nil }.map(\.rawValue)
        guard missing.isEmpty else { throw MissingTemplates(names: missing) }
        return PageRenderer(library: library)
    }

    /// The page, or nil if its template could not be drawn (never after the start-up check).
    func render(_ context: Any, template: Template) -> String? {
        library.render(context, withTemplate: template.rawValue)
    }
}

/// Templates the build lacks, named, so the process stops at start-up instead of on a request.
struct MissingTemplates: Error, CustomStringConvertible {
    let names: [String]
    var description: String { "these page templates are missing: " + names.joined(separator: ", ") }
}

extension Request {
    func render(_ template: Template, _ context: Any, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        guard let html = application.renderer.render(context, template: template) else {
            logger.error("page template \(template.rawValue) could not be drawn")
            headers.contentType = .plainText
            return Response(status: .internalServerError, headers: headers, body: .init(string: "This page could not be drawn."))
        }
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
