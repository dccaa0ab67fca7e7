import CohortCore
import CohortStore
import Vapor

/// A program's participants for its staff: where they come from, their organisation, and what
/// they attended, with filters, sorting and a CSV (names only when asked; every export recorded).
struct ParticipantsController: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programParticipants, use: list)
        routes.get(.programParticipantsExport, use: export)
    }

    func list(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.viewApplications)
        let records = try await ProgramParticipantsStore(db: req.persistence).participants(programID: program.id, now: req.now)
        let filter = ParticipantFilter(query: { req.query[String.self, at: $0] })
        let request: ListRequest<ParticipantSort> = req.listRequest(default: .name, pageSize: Self.pageSize)
        let page = ParticipantList.page(records, filter: filter, request: request)
        let base = SiteURL.programParticipants(slug: program.slug).path
        let list = ListView(basePath: base, request: request, total: page.matching.count, noun: ("participant", "participants"),
                            columns: [("Name", .name), ("Country", .country), ("Role of the country", nil), ("Sector", nil),
                                      ("Organisation", .organisation), ("Attendance", .attendance), ("Certificates", nil),
                                      ("Surveys answered", nil)],
                            query: filter.queryItems)
        let export = SiteURL.programParticipantsExport(slug: program.slug).path
        let view = ParticipantListView(
            programTitle: program.title, tabs: Tab.program(slug: program.slug, current: "Participants", isAdmin: req.actor?.isAdmin ?? false),
            action: base, search: filter.search ?? "",
            filters: ParticipantListView.filters(records, filter: filter),
            list: list, rows: page.items.map(ParticipantListView.row),
            isFiltered: filter != ParticipantFilter(),
            exportHref: export + ApplicationListPresenter.queryString(filter.queryItems),
            exportWithNamesHref: export + ApplicationListPresenter.queryString(filter.queryItems + [("names", "1")]),
            peopleHref: SiteURL.programPeople(slug: program.slug).path)
        return req.page(.staffParticipants, title: "Participants – \(program.title)", view, trail: StaffProgram.trail)
    }

    /// The filtered list, sorted as shown, as CSV.
    func export(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.viewApplications)
        let actor = try req.requireActor()
        let store = ProgramParticipantsStore(db: req.persistence)
        let filter = ParticipantFilter(query: { req.query[String.self, at: $0] })
        let request: ListRequest<ParticipantSort> = req.listRequest(default: .name)
        let withNames = req.query[String.self, at: "names"] == "1"
        let records = ParticipantList.sorted(try await store.participants(programID: program.id, now: req.now).filter(filter.matches),
                                             by: request.sort, descending: request.descending)
        let csv = ParticipantList.csv(records, withNames: withNames, sectorName: ParticipantListView.sectorName)
        try await store.recordExport(accountID: actor.accountID, programID: program.id, list: "participants", filter: filter.queryItems,
                                     withIdentities: withNames, rows: records.count, now: req.now)
        return .csv(csv, filename: "participants-\(program.slug)\(withNames ? "-with-names" : "").csv")
    }
}
