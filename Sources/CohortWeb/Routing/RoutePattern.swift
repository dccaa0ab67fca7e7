import Vapor

/// Every route's path, once: the routes are registered from these, and `SiteURL` builds its
/// links by filling in their parameters, so an address cannot be written two ways.
/// `RoutingTests` checks that the registered routes and these patterns are the same set.
enum RoutePattern: String, CaseIterable, Sendable {
    case home = "/"
    case program = "/programs/:slug"
    case programAgenda = "/programs/:slug/agenda"
    case programAgendaFeed = "/programs/:slug/agenda.ics"
    case call = "/calls/:callID"
    case startApplication = "/calls/:callID/start"
    case resume = "/apply/:token"
    case application = "/applications/:applicationID"
    case applicationSection = "/applications/:applicationID/sections/:index"
    case applicationReview = "/applications/:applicationID/review"
    case applicationSubmit = "/applications/:applicationID/submit"
    case applicationReceipt = "/applications/:applicationID/receipt"
    case applicationWithdraw = "/applications/:applicationID/withdraw"
    case applicationFile = "/applications/:applicationID/files/:fileID"
    case applicationDecision = "/applications/:applicationID/decision"
    case personSignIn = "/me/sign-in"
    case personLink = "/me/sign-in/:token"
    case me = "/me"
    case meName = "/me/name"
    case meCalendar = "/me/calendar"
    case meSignOut = "/me/sign-out"
    case meAgenda = "/me/programs/:slug/agenda"
    case meCheckIn = "/me/check-in"
    case meSurvey = "/me/surveys/:surveyID"
    case meSurveySection = "/me/surveys/:surveyID/sections/:index"
    case meSurveySubmit = "/me/surveys/:surveyID/submit"
    case sessionAttendance = "/sessions/:sessionID/attendance"
    case certificate = "/certificates/:certificateID"
    case verify = "/verify/:code"
    case personFeed = "/calendars/:token/sessions.ics"
    case staticAsset = "/static/:file"
    case health = "/healthz"
    case ready = "/readyz"
    case signIn = "/sign-in"
    case signOut = "/sign-out"
    case staffHome = "/staff"
    case ownPassword = "/staff/password"
    case apiTokens = "/staff/tokens"
    case revokeAPIToken = "/staff/tokens/:tokenID/revoke"
    case organisations = "/staff/organisations"
    case newOrganisation = "/staff/organisations/new"
    case organisation = "/staff/organisations/:id"
    case deleteOrganisation = "/staff/organisations/:id/delete"
    case accounts = "/staff/accounts"
    case newAccount = "/staff/accounts/new"
    case account = "/staff/accounts/:id"
    case accountPassword = "/staff/accounts/:id/password"
    case staffPrograms = "/staff/programs"
    case newProgram = "/staff/programs/new"
    case staffProgram = "/staff/programs/:slug"
    case deleteProgram = "/staff/programs/:slug/delete"
    case programPartners = "/staff/programs/:slug/partners"
    case removePartner = "/staff/programs/:slug/partners/:id/remove"
    case programModules = "/staff/programs/:slug/modules"
    case programModule = "/staff/programs/:slug/modules/:id"
    case removeModule = "/staff/programs/:slug/modules/:id/remove"
    case moduleAgenda = "/staff/programs/:slug/modules/:id/agenda"
    case publishAgenda = "/staff/programs/:slug/modules/:id/agenda/publish"
    case agendaSession = "/staff/programs/:slug/modules/:id/agenda/:sessionID"
    case removeAgendaSession = "/staff/programs/:slug/modules/:id/agenda/:sessionID/remove"
    case moduleAttendance = "/staff/programs/:slug/modules/:id/attendance"
    case moduleAttendanceExport = "/staff/programs/:slug/modules/:id/attendance.csv"
    case moduleCertificates = "/staff/programs/:slug/modules/:id/certificates"
    case revokeCertificate = "/staff/programs/:slug/modules/:id/certificates/:certificateID/revoke"
    case programCountries = "/staff/programs/:slug/countries"
    case removeCountry = "/staff/programs/:slug/countries/:code/remove"
    case programPeople = "/staff/programs/:slug/people"
    case sessionMaterials = "/staff/programs/:slug/modules/:id/agenda/:sessionID/materials"
    case removeSessionMaterial = "/staff/programs/:slug/modules/:id/agenda/:sessionID/materials/:materialID/remove"
    case material = "/materials/:materialID"
    case programParticipants = "/staff/programs/:slug/participants"
    case programParticipantsExport = "/staff/programs/:slug/participants.csv"
    case removeProgramPerson = "/staff/programs/:slug/people/:id/remove"
    case programSurveys = "/staff/programs/:slug/surveys"
    case surveyResults = "/staff/programs/:slug/surveys/:surveyID"
    case surveySettings = "/staff/programs/:slug/surveys/:surveyID/settings"
    case surveyRemind = "/staff/programs/:slug/surveys/:surveyID/remind"
    case surveyExport = "/staff/programs/:slug/surveys/:surveyID/results.csv"
    case surveyNeeds = "/staff/programs/:slug/surveys/:surveyID/needs"
    case programLearningGains = "/staff/programs/:slug/learning-gains"
    case programMembers = "/staff/programs/:slug/members"
    case removeMember = "/staff/programs/:slug/members/:id/remove"
    case programCalls = "/staff/programs/:slug/calls"
    case newCall = "/staff/programs/:slug/calls/new"
    case editCall = "/staff/calls/:callID"
    case callApplications = "/staff/calls/:callID/applications"
    case callExport = "/staff/calls/:callID/applications.csv"
    case callBulkStatus = "/staff/calls/:callID/applications/status"
    case callApplication = "/staff/calls/:callID/applications/:applicationID"
    case applicationEligibility = "/staff/calls/:callID/applications/:applicationID/eligibility"
    case staffApplicationFile = "/staff/calls/:callID/applications/:applicationID/files/:fileID"
    case callForm = "/staff/calls/:callID/form"
    case callFormSection = "/staff/calls/:callID/form/section"
    case callFormQuestion = "/staff/calls/:callID/form/question"
    case callFormMove = "/staff/calls/:callID/form/move"
    case callFormRemove = "/staff/calls/:callID/form/remove"
    case callPreview = "/staff/calls/:callID/preview"
    case callReview = "/staff/calls/:callID/review"
    case callReviewAssign = "/staff/calls/:callID/review/assign"
    case callReviewAssignment = "/staff/calls/:callID/review/assignments"
    case callReviewUnassign = "/staff/calls/:callID/review/assignments/remove"
    case callSelection = "/staff/calls/:callID/selection"
    case selectionCompare = "/staff/calls/:callID/selection/compare"
    case selectionRun = "/staff/calls/:callID/selection/:runID"
    case selectionInstance = "/staff/calls/:callID/selection/:runID/instance.json"
    case selectionDecisions = "/staff/calls/:callID/selection/:runID/decisions"
    case callDecisions = "/staff/calls/:callID/decisions"
    case callDecisionOffer = "/staff/calls/:callID/decisions/offer"
    case reviewHome = "/review"
    case reviewQueue = "/review/calls/:callID"
    case reviewApplication = "/review/calls/:callID/applications/:applicationID"
    case reviewConflict = "/review/calls/:callID/applications/:applicationID/conflict"
    case apiContract = "/api/openapi.json"
    case apiPrograms = "/api/v1/programs"
    case apiProgram = "/api/v1/programs/:slug"
    case apiProgramAgenda = "/api/v1/programs/:slug/agenda"
    case apiProgramCertificates = "/api/v1/programs/:slug/certificates"
    case apiProgramSurveys = "/api/v1/programs/:slug/surveys"
    case apiProgramLearningGains = "/api/v1/programs/:slug/learning-gains"
    case apiSurveyResponses = "/api/v1/surveys/:surveyID/responses"
    case apiCalls = "/api/v1/calls"
    case apiCall = "/api/v1/calls/:callID"
    case apiCallApplications = "/api/v1/calls/:callID/applications"
    case apiOwnApplication = "/api/v1/application"
    case apiApplication = "/api/v1/applications/:applicationID"
    case apiApplicationSubmit = "/api/v1/applications/:applicationID/submit"
    case apiApplicationFiles = "/api/v1/applications/:applicationID/files"

    /// The pattern as Vapor's path components (`:name` is a parameter).
    var components: [PathComponent] { rawValue.pathComponents }

    /// The names of its parameters, in order.
    var parameters: [String] {
        rawValue.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// The path with `values` put in place of the parameters, in order, each percent-encoded as
    /// a path segment. A missing value leaves the segment empty, which no route matches.
    /// A staff list draws a hundred of these per page, so the pattern is split once per
    /// process and a value made only of safe characters (an id, a slug) is copied as it is.
    func path(_ values: [String]) -> String {
        guard let segments = Self.segments[self] else { return rawValue }
        var path = ""
        path.reserveCapacity(rawValue.count + values.reduce(0) { $0 + $1.utf8.count })
        var next = values.makeIterator()
        for segment in segments {
            path += "/"
            switch segment {
            case .constant(let text): path += text
            case .parameter: path += Self.encoded(next.next() ?? "")
            }
        }
        return path.isEmpty ? "/" : path
    }

    private enum Segment {
        case constant(String)
        case parameter
    }

    private static let segments: [RoutePattern: [Segment]] = Dictionary(uniqueKeysWithValues: allCases.map { pattern in
        (pattern, pattern.rawValue.split(separator: "/").map { $0.hasPrefix(":") ? .parameter : .constant(String($0)) })
    })

    private static func encoded(_ value: String) -> String {
        let isSafe = value.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
                || byte == 0x2E || byte == 0x5F || byte == 0x7E
        }
        return isSafe ? value : (value.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? "")
    }

    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
}

extension RoutesBuilder {
    @discardableResult
    func get(_ pattern: RoutePattern, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        on(.GET, pattern.components, use: closure)
    }

    @discardableResult
    func post(_ pattern: RoutePattern, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        on(.POST, pattern.components, use: closure)
    }

    @discardableResult
    func patch(_ pattern: RoutePattern, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        on(.PATCH, pattern.components, use: closure)
    }
}
