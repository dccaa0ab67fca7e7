import CohortCore
import CohortStore
import Vapor

/// A staff member's own API tokens: make one (shown once), see when each was last used, revoke.
struct StaffTokensController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.apiTokens, use: list)
        routes.post(.apiTokens, use: create)
        routes.post(.revokeAPIToken, use: revoke)
    }

    func list(req: Request) async throws -> Response {
        let actor = try Self.staff(req)
        return try await page(req, actor: actor, name: "", error: nil, newToken: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try Self.staff(req)
        let name = try req.formValues()["name"]
        if let problem = APIToken.nameProblem(name) {
            return try await page(req, actor: actor, name: name, error: problem, newToken: nil)
        }
        let token = try await APITokenStore(db: req.persistence).issue(to: actor.accountID, name: name, now: req.now, makeToken: { SecretToken.newAPIToken(req.randomness) })
        return try await page(req, actor: actor, name: "", error: nil, newToken: token)
    }

    func revoke(req: Request) async throws -> Response {
        let actor = try Self.staff(req)
        guard let id = req.parameters.get("tokenID", as: UUID.self),
              try await APITokenStore(db: req.persistence).revoke(id: id, accountID: actor.accountID) else {
            throw DomainError.notFound("token")
        }
        return req.redirect(.apiTokens, flash: .tokenRevoked)
    }

    static func staff(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.isStaff(actor) else { throw DomainError.forbidden }
        return actor
    }

    private func page(_ req: Request, actor: Actor, name: String, error: String?, newToken: String?) async throws -> Response {
        let tokens = try await APITokenStore(db: req.persistence).tokens(accountID: actor.accountID)
        let errors = error.map { [FieldError("name", $0)] } ?? []
        let view = TokensView(
            newToken: newToken,
            rows: tokens.map { token in
                TokensView.Row(name: token.name, created: CalendarDate(token.createdAt).iso,
                               lastUsed: token.lastUsedAt.map { CalendarDate($0).iso } ?? "Never",
                               revoke: DangerAction(label: "Revoke", consequence: "Anything using “\(token.name)” loses access at once.",
                                                    action: SiteURL.revokeAPIToken(token.id).path, csrf: req.csrfToken()))
            },
            isEmpty: tokens.isEmpty,
            form: FormView(request: req, action: SiteURL.apiTokens.path, submitLabel: "Make token", fields: [
                FormField("name", "Name", value: name, errors: errors, hint: "Where the token will be used, such as “Reporting spreadsheet”."),
            ]))
        return req.page(.staffTokens, title: "API tokens", view, status: error == nil ? .ok : .unprocessableEntity,
                        isError: error != nil, trail: [StaffProgram.staffCrumb])
    }
}

