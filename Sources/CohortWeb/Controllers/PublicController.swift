import CohortCore
import CohortStore
import Vapor

/// Pages anyone may read: the program list and each public program.
struct PublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.get(.program, use: program)
        routes.get(.staticAsset, use: asset)
    }

    func home(req: Request) async throws -> Response {
        try await req.cachedPublic("home") {
            let now = req.now
            let programs = try await ProgramStore(db: req.persistence).publicPrograms()
            let calls = try await CallStore(db: req.persistence).publicCalls(notClosedAt: now)
            let open = OpenCallItem.open(calls, programTitles: Dictionary(programs.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }),
                                         words: req.words(.english), at: now)
            let view = HomeView(programs: programs, openCalls: open.items, today: CalendarDate(now))
            return (req.page(.home, title: "Programs", view), open.validUntil)
        }
    }

    func program(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        return try await req.cachedPublic("program:\(slug)") {
            guard let detail = try await ProgramStore(db: req.persistence).detail(slug: slug), detail.program.status.isPublic else {
                throw DomainError.notFound("program")
            }
            let now = req.now
            let calls = try await CallStore(db: req.persistence).publicCalls(notClosedAt: now).filter { $0.programID == detail.program.id }
            let open = OpenCallItem.open(calls, programTitles: [detail.program.id: detail.program.title], words: req.words(.english), at: now)
            let published = try await AgendaStore(db: req.persistence).published(programID: detail.program.id)
            let hasPublicAgenda = published.versions.values.contains { $0.entries.contains { $0.session.visibility == .everyone } }
            return (req.page(.program, title: detail.program.title, ProgramView(detail, openCalls: open.items, hasPublicAgenda: hasPublicAgenda)),
                    open.validUntil)
        }
    }

    func asset(req: Request) async throws -> Response {
        guard let asset = req.application.staticAssets.files[try req.parameters.require("file")] else {
            throw DomainError.notFound("static file")
        }
        var headers = HTTPHeaders()
        headers.contentType = asset.contentType
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(buffer: asset.body))
    }
}

/// Liveness and readiness for load balancers and process supervisors.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.health) { _ in HTTPStatus.ok }
        routes.get(.ready, use: ready)
    }

    func ready(req: Request) async throws -> HTTPStatus {
        do {
            _ = try await ContentVersionStore(db: req.persistence).current()
            return .ok
        } catch {
            req.logger.warning("readiness check failed: the database did not answer")
            throw RequestProblem.databaseNotAnswering
        }
    }
}
