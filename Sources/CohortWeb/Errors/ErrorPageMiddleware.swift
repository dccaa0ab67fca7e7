import CohortCore
import Vapor

/// Turns every error into a page (or JSON under /api/) that says what happened in plain
/// words, with a request id that is also in the log. Never a stack trace, SQL or a path.
struct ErrorPageMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch is PrivateLinkExpired where request.url.path.hasPrefix("/api/") {
            return jsonError(status: .unauthorized, reason: PrivateLinkExpired.apiReason,
                             headers: ["WWW-Authenticate": "Bearer"], request: request)
        } catch let error as any RendersOwnPage {
            return try await error.response(for: request)
        } catch {
            let (status, reason, headers) = describe(error, request: request)
            if status.code >= 500 {
                request.logger.error("request failed: \(String(reflecting: type(of: error)))", metadata: ["status": "\(status.code)"])
                request.logger.debug("failure detail: \(error)")
            }
            if request.url.path.hasPrefix("/api/") {
                return jsonError(status: status, reason: reason, headers: headers, request: request)
            }
            let page = ErrorPage(status: status, reason: reason, requestID: request.id,
                                 heading: error is FormExpired ? "This form has expired" : nil)
            let response = request.render(.error, page.page(for: request), status: status)
            for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    /// Status and a message safe to show. Only errors we raise on purpose speak; others stay generic.
    private func describe(_ error: any Error, request: Request) -> (HTTPStatus, String, HTTPHeaders) {
        switch error {
        case let domain as DomainError:
            let (status, reason) = ErrorMessages.describe(domain, words: request.words(.english))
            return (status, reason, [:])
        case let refusal as FieldRefusal:
            return (.unprocessableEntity, ErrorMessages.text(refusal, words: request.words(.english)), [:])
        case let problem as RequestProblem:
            let (status, headers, key, arguments) = ErrorMessages.describe(problem)
            return (status, request.words(.english)(key, arguments), headers)
        case let abort as any AbortError:
            let status = abort.status
            let reason = status.code >= 500 ? ErrorPage.defaultReason(status)
                : (abort.reason == status.reasonPhrase ? ErrorPage.defaultReason(status) : abort.reason)
            return (status, reason, abort.headers)
        default:
            return (.internalServerError, ErrorPage.defaultReason(.internalServerError), [:])
        }
    }

    private func jsonError(status: HTTPStatus, reason: String, headers: HTTPHeaders, request: Request) -> Response {
        let response = Response(status: status, headers: headers)
        try? response.content.encode(APICalls.Errors(request: request, reason: reason), as: .json)
        return response
    }
}
