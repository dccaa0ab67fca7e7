import Vapor

struct ErrorPage: Sendable {
    let statusCode: UInt
    let heading: String
    let reason: String
    let requestID: String
    let showSignIn: Bool

    init(status: HTTPStatus, reason: String, requestID: String, heading: String? = nil) {
        self.statusCode = status.code
        self.heading = heading ?? Self.heading(status)
        self.reason = reason
        self.requestID = requestID
        self.showSignIn = status == .unauthorized
    }

    static func heading(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "The request could not be read"
        case 401: "Please sign in"
        case 403: "You do not have access to this page"
        case 404: "Page not found"
        case 405: "That action is not available here"
        case 409: "That cannot be done right now"
        case 413: "What you sent is too large"
        case 422: "Something needs correcting"
        case 429: "Too many attempts"
        case 500...599: "Something went wrong on our side"
        default: status.reasonPhrase
        }
    }

    static func defaultReason(_ status: HTTPStatus) -> String {
        switch status.code {
        case 403: "If you think you should see it, ask the program's manager to give you a role in the program."
        case 404: "Check the address, or start again from the home page."
        case 429: "Wait a few minutes, then try again."
        case 500...599: "Nothing you did caused this. Try again in a moment; if it keeps happening, tell us the request id below."
        default: status.reasonPhrase
        }
    }

    func page(for request: Request) -> Page<ErrorPage> {
        Page(layout: Layout(request: request, title: heading, isError: true), content: self)
    }
}
