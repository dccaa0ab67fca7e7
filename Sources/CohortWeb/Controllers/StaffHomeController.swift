import CohortCore
import CohortStore
import Vapor

/// The staff area's front page: the programs this person works on.
struct StaffHomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.staffHome, use: home)
    }

    func home(req: Request) async throws -> Response {
        // Every signed-in account has this page, listing only what it may see: an account with
        // no role yet (a new colleague, just after choosing a password) is told whom to ask,
        // not shown an error.
        let actor = try req.requireActor()
        let visible = AccessPolicy.visibleProgramIDs(actor)
        let request = ListRequest<ProgramSort>(sort: "start", direction: "desc", page: "1", default: .start, pageSize: 100)
        let programs = try await ProgramStore(db: req.persistence).page(request, visible: visible).items
        let items = programs.map { program in
            StaffHomeView.ProgramItem(
                title: program.title, href: SiteURL.staffProgram(slug: program.slug).path, period: program.periodText,
                status: program.status.label,
                roles: actor.isAdmin ? "Administrator"
                    : (actor.programRoles[program.id] ?? []).map(\.label).sorted().joined(separator: ", "))
        }
        let name = req.authSession?.account.name ?? ""
        return req.page(.staffHome, title: "Staff area",
                        StaffHomeView(name: name, programs: items, isAdmin: actor.isAdmin, hasPrograms: !items.isEmpty,
                                      isReviewer: !AccessPolicy.reviewedProgramIDs(actor).isEmpty))
    }
}
