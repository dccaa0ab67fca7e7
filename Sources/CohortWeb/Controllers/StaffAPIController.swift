import CohortCore
import CohortStore
import Vapor

/// The staff JSON API, opened with a personal API token. The token acts as its account:
/// it reads only what that account may read in the staff pages.
struct StaffAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.apiCallApplications, use: applications)
    }

    /// A call's applications, with the staff list's filters and a cursor. Names and emails
    /// only with `identities=yes`, and such reads are recorded like exports.
    func applications(req: Request) async throws -> Response {
        let actor = try await Self.actor(req)
        guard let callID = req.parameters.get("callID", as: UUID.self), let loaded = try await CallStore(db: req.persistence).load(callID),
              AccessPolicy.allows(actor, .viewApplications(loaded.call.programID)) else {
            throw RequestProblem.noReadableCall
        }
        let query: (String) -> String? = { req.query[String.self, at: $0] }
        let problems = ApplicationFilter.problems(query: query)
        guard problems.isEmpty else {
            return try API.json(APICalls.Errors(request: req, fields: problems.map { .init(field: $0.field, message: $0.message) }), status: .badRequest)
        }
        let filter = ApplicationFilter(query: query)
        let sort = query("sort").flatMap(ApplicationSort.init(rawValue:)) ?? .newest
        let limit = query("limit").flatMap(Int.init) ?? 50
        let withIdentities = query("identities") == "yes"
        let store = ApplicationListStore(db: req.persistence)
        let page = try await store.page(callID: callID, filter: filter, sort: sort, after: query("after").flatMap(ListCursor.init(token:)), limit: limit)
        if withIdentities {
            try await store.recordExport(accountID: actor.accountID, callID: callID, filter: filter, withIdentities: true, rows: page.items.count, now: req.now)
        }
        return try API.json(StaffList(total: page.total, next: page.next?.token,
                                      applications: page.items.map { StaffList.Item($0, withIdentities: withIdentities) }))
    }

    /// The account behind the bearer token, if the token is a live staff token of an active account.
    static func actor(_ req: Request) async throws -> Actor {
        guard let token = req.headers.bearerAuthorization?.token, token.hasPrefix(APIToken.prefix), token.count <= 100 else {
            throw RequestProblem.staffTokenMissing
        }
        let tokens = APITokenStore(db: req.persistence)
        guard let stored = try await tokens.find(tokenHash: SecretToken.hash(token)),
              let account = try await AccountStore(db: req.persistence).find(stored.accountID), account.isActive else {
            throw RequestProblem.staffTokenInvalid
        }
        // Last use is kept to the minute: a write per request would make every read a write.
        if req.now.timeIntervalSince(stored.lastUsedAt ?? .distantPast) > 60 {
            try await tokens.touch(id: stored.id, now: req.now)
        }
        return try await AccountStore(db: req.persistence).actor(account)
    }

    struct StaffList: Encodable {
        struct Item: Encodable {
            let id: UUID
            let reference: String?
            let status: String
            let language: String
            let nationality: String
            let sector: String
            let gender: String
            let eligible: Bool
            let ineligibilityReasons: [String]
            let createdAt: Date
            let submittedAt: Date?
            let fullName: String?
            let email: String?

            init(_ summary: ApplicationSummary, withIdentities: Bool) {
                id = summary.id
                reference = summary.reference
                status = summary.status.rawValue
                language = summary.language.rawValue
                nationality = summary.nationality
                sector = summary.sector
                gender = summary.gender
                eligible = summary.isEligible
                ineligibilityReasons = summary.ineligibilityReasons
                createdAt = summary.createdAt
                submittedAt = summary.submittedAt
                fullName = withIdentities ? summary.fullName : nil
                email = withIdentities ? summary.email : nil
            }
        }

        let total: Int
        let next: String?
        let applications: [Item]
    }
}
