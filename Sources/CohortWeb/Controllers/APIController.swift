import CohortCore
import CohortStore
import Vapor

/// The read-only public JSON API. Payloads are their own types: records never reach the wire.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.apiPrograms, use: list)
        routes.get(.apiProgram, use: show)
        routes.get(.apiContract, use: contract)
    }

    /// The OpenAPI 3.1 document of every /api/v1 route (`Public/openapi.json`; a test keeps
    /// its paths and the registered routes the same).
    func contract(req: Request) async throws -> Response {
        guard let document = req.application.staticAssets.files["openapi.json"] else { throw DomainError.notFound("openapi.json") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(buffer: document.body))
    }

    func list(req: Request) async throws -> Response {
        try await req.cachedPublic("api:programs") {
            let programs = Program.publicOrder(try await ProgramStore(db: req.persistence).publicPrograms(), today: CalendarDate(req.now))
            return (try API.json(API.ProgramList(programs: programs.map(API.ProgramSummary.init))), nil)
        }
    }

    func show(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        return try await req.cachedPublic("api:program:\(slug)") {
            guard let detail = try await ProgramStore(db: req.persistence).detail(slug: slug), detail.program.status.isPublic else {
                throw RequestProblem.noPublicProgram(slug: slug)
            }
            return (try API.json(API.ProgramResponse(detail)), nil)
        }
    }
}
