import CohortCore
import CohortStore
import Vapor

/// A program's published agenda for anyone: the page, its calendar feed and its JSON. Public
/// sessions only; they are kept like the other public pages, so a busy workshop day costs
/// one rendering per change.
struct AgendaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programAgenda, use: page)
        routes.get(.programAgendaFeed, use: feed)
        routes.get(.apiProgramAgenda, use: json)
    }

    /// The public program and its published agenda, or "not found" for anything else.
    private func load(_ req: Request, slug: String) async throws -> (ProgramDetail, AgendaStore.Published)? {
        guard let detail = try await ProgramStore(db: req.persistence).detail(slug: slug), detail.program.status.isPublic else { return nil }
        return (detail, try await AgendaStore(db: req.persistence).published(programID: detail.program.id))
    }

    func page(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        return try await req.cachedPublic("agenda:\(slug)") {
            guard let (detail, published) = try await load(req, slug: slug) else { throw DomainError.notFound("program") }
            var view = AgendaView(program: detail.program, modules: detail.modules, published: published, audience: .everyone,
                                  language: .english, feedHref: SiteURL.programAgendaFeed(slug: slug).path)
            view.coDesign = try await CoDesign.statement(req, programID: detail.program.id,
                                                         published: published.versions.values.flatMap { $0.entries.map(\.session) })
            return (req.page(.agenda, title: "Agenda: \(detail.program.title)", view), nil)
        }
    }

    func feed(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        return try await req.cachedPublic("agenda.ics:\(slug)") {
            guard let (detail, published) = try await load(req, slug: slug) else { throw DomainError.notFound("program") }
            let calendar = AgendaFeed.calendar(name: detail.program.title, modules: detail.modules, published: published,
                                               audience: .everyone, language: .english, host: req.config.baseURL.host ?? "cohort")
            return (Self.calendarResponse(calendar, filename: "\(slug).ics"), nil)
        }
    }

    func json(req: Request) async throws -> Response {
        let slug = try req.parameters.require("slug")
        return try await req.cachedPublic("api:agenda:\(slug)") {
            guard let (detail, published) = try await load(req, slug: slug) else { throw RequestProblem.noPublicProgram(slug: slug) }
            return (try API.json(API.AgendaResponse(detail, published)), nil)
        }
    }

    static func calendarResponse(_ calendar: ICalendar, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.text))
    }
}
