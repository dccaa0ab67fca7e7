import CohortCore
import Vapor

/// What every page's frame needs: title, who is signed in, the message of the moment.
struct Layout: Sendable {
    let title: String
    let isError: Bool
    let stylesheet: String
    let accountName: String?
    let isStaff: Bool
    let isAdmin: Bool
    let csrf: String?
    let flash: String?
    /// Breadcrumb trail above the heading, staff pages only.
    let trail: [Crumb]

    struct Crumb: Sendable {
        let label: String
        let href: String
    }

    init(request: Request, title: String, isError: Bool = false, trail: [Crumb] = []) {
        self.title = title
        self.isError = isError
        self.stylesheet = request.application.staticAssets.stylesheetURL
        let session = request.authSession
        self.accountName = session?.account.name
        self.isStaff = session.map { AccessPolicy.isStaff($0.actor) } ?? false
        self.isAdmin = session?.actor.isAdmin ?? false
        self.csrf = session == nil ? nil : request.csrfToken()
        self.flash = request.pendingFlash?.message
        self.trail = trail
    }
}

/// A page: its frame and its content, rendered by one template.
struct Page<Content: Sendable>: Sendable {
    let layout: Layout
    let content: Content
}

extension Request {
    /// Renders a page and clears a flash message it has shown.
    func page<Content: Sendable>(_ template: String, title: String, _ content: Content, status: HTTPStatus = .ok,
                                 isError: Bool = false, trail: [Layout.Crumb] = []) -> Response {
        let layout = Layout(request: self, title: title, isError: isError, trail: trail)
        let response = render(template, Page(layout: layout, content: content), status: status)
        if layout.flash != nil { response.cookies[cookieJar.flash] = cookieJar.expired() }
        return response
    }
}
