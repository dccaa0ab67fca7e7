import CohortCore
import Vapor

/// Refuses a request whose address holds a character no field takes (a NUL, another control
/// character), before any handler passes it to the database: PostgreSQL answers such text
/// with an error and SQLite cuts it. Form fields and JSON answers are checked where they are
/// read (`formValues()`, `AnswersJSON`).
struct InputCharactersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.isRefused(path: request.url.path) || Self.isRefused(query: request.url.query) {
            throw RequestProblem.controlCharacterInAddress
        }
        return try await next.respond(to: request)
    }

    static func isRefused(path: String) -> Bool {
        InputText.hasForbiddenCharacter(path.removingPercentEncoding ?? path)
    }

    static func isRefused(query: String?) -> Bool {
        guard let query else { return false }
        let spaced = query.replacingOccurrences(of: "+", with: " ")
        return InputText.hasForbiddenCharacter(spaced.removingPercentEncoding ?? spaced)
    }
}
