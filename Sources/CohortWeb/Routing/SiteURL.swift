import CohortCore
import Foundation

/// Every address Cohort links to or redirects to, in one place.
enum SiteURL: Equatable {
    case home
    case program(slug: String)
    case programAgenda(slug: String)
    case programAgendaFeed(slug: String)
    case apiProgramAgenda(slug: String)
    case signIn(next: String?)
    case signOut
    case staffHome
    case organisations
    case newOrganisation
    case organisation(UUID)
    case deleteOrganisation(UUID)
    case accounts
    case newAccount
    case account(UUID)
    case accountPassword(UUID)
    case staffPrograms
    case newProgram
    case staffProgram(slug: String)
    case deleteProgram(slug: String)
    case programPartners(slug: String)
    case removePartner(slug: String, id: UUID)
    case programModules(slug: String)
    case programModule(slug: String, id: UUID)
    case removeModule(slug: String, id: UUID)
    case moduleAgenda(slug: String, id: UUID)
    case programPeople(slug: String)
    case programParticipants(slug: String)
    case sessionMaterials(slug: String, id: UUID, sessionID: UUID)
    case removeSessionMaterial(slug: String, id: UUID, sessionID: UUID, materialID: UUID)
    case material(UUID)
    case programParticipantsExport(slug: String)
    case moduleCertificates(slug: String, id: UUID)
    case revokeCertificate(slug: String, id: UUID, certificateID: UUID)
    case certificate(UUID)
    /// The verification page of a code as printed; `verifyJSON` is its Open Badges assertion.
    case verify(code: String)
    case verifyJSON(code: String)
    case apiProgramCertificates(slug: String)
    case moduleAttendance(slug: String, id: UUID)
    case moduleAttendanceExport(slug: String, id: UUID, names: Bool)
    case meCheckIn
    case sessionAttendance(sessionID: UUID)
    case removeProgramPerson(slug: String, id: UUID)
    case publishAgenda(slug: String, id: UUID)
    case agendaSession(slug: String, id: UUID, sessionID: UUID)
    case removeAgendaSession(slug: String, id: UUID, sessionID: UUID)
    case programCountries(slug: String)
    case removeCountry(slug: String, code: String)
    case programMembers(slug: String)
    case removeMember(slug: String, id: UUID)
    case call(UUID)
    case programCalls(slug: String)
    case callApplications(UUID)
    case callApplication(callID: UUID, id: UUID)
    case callExport(UUID)
    case startApplication(callID: UUID)
    case resume(token: String)
    case personSignIn
    case personLink(token: String)
    case me
    case meName
    case meCalendar
    case meSignOut
    case meAgenda(slug: String)
    case meSurvey(UUID)
    case meSurveySection(UUID, index: Int)
    case meSurveySubmit(UUID)
    case programSurveys(slug: String)
    case surveyResults(slug: String, id: UUID)
    case surveySettings(slug: String, id: UUID)
    case surveyRemind(slug: String, id: UUID)
    case surveyExport(slug: String, id: UUID)
    case surveyNeeds(slug: String, id: UUID)
    case programLearningGains(slug: String)
    case apiProgramSurveys(slug: String)
    case apiProgramLearningGains(slug: String)
    case apiSurveyResponses(UUID)
    case personFeed(token: String)
    case application(UUID)
    case applicationSection(UUID, index: Int)
    case applicationReview(UUID)
    case applicationSubmit(UUID)
    case applicationReceipt(UUID)
    case applicationWithdraw(UUID)
    case applicationFile(UUID, fileID: UUID)
    case staffApplicationFile(callID: UUID, id: UUID, fileID: UUID)
    case applicationEligibility(callID: UUID, id: UUID)
    case callBulkStatus(UUID)
    case newCall(slug: String)
    case editCall(UUID)
    case callForm(UUID)
    case callPreview(UUID, language: String, section: Int)
    case apiTokens
    case callReview(UUID)
    case callReviewAssign(UUID)
    case reviewHome
    case callSelection(UUID)
    case selectionRun(callID: UUID, id: UUID)
    case selectionInstance(callID: UUID, id: UUID)
    case selectionCompare(UUID)
    case selectionDecisions(callID: UUID, runID: UUID)
    case callDecisions(UUID)
    case applicationDecision(UUID)
    case reviewQueue(UUID)
    case reviewApplication(callID: UUID, id: UUID)
    case reviewConflict(callID: UUID, id: UUID)
    case revokeAPIToken(UUID)
    case ownPassword
    case staticFile(String, version: String)
    case health
    case ready
    case callFormSection(UUID)
    case callFormQuestion(UUID)
    case callFormMove(UUID)
    case callFormRemove(UUID)
    case callReviewAssignment(UUID)
    case callReviewUnassign(UUID)
    case callDecisionOffer(UUID)
    case apiContract
    case apiPrograms
    case apiProgram(slug: String)
    case apiCalls
    case apiCall(UUID)
    case apiCallApplications(UUID)
    case apiOwnApplication
    case apiApplication(UUID)
    case apiApplicationSubmit(UUID)
    case apiApplicationFiles(UUID)

    /// The address: the route's pattern with this case's values, and its query if it has one.
    var path: String {
        let (pattern, values) = route
        return pattern.path(values) + (query.map { "?" + $0 } ?? "")
    }

    /// The route this address is served by, with the values of its parameters in order.
    var route: (RoutePattern, [String]) {
        switch self {
        case .home: (.home, [])
        case .program(let slug): (.program, [slug])
        case .programAgenda(let slug): (.programAgenda, [slug])
        case .personSignIn: (.personSignIn, [])
        case .personLink(let token): (.personLink, [token])
        case .me: (.me, [])
        case .meName: (.meName, [])
        case .meCalendar: (.meCalendar, [])
        case .meSignOut: (.meSignOut, [])
        case .meAgenda(let slug): (.meAgenda, [slug])
        case .meSurvey(let id): (.meSurvey, [id.lower])
        case .meSurveySection(let id, let index): (.meSurveySection, [id.lower, String(index + 1)])
        case .meSurveySubmit(let id): (.meSurveySubmit, [id.lower])
        case .programSurveys(let slug): (.programSurveys, [slug])
        case .surveyResults(let slug, let id): (.surveyResults, [slug, id.lower])
        case .surveySettings(let slug, let id): (.surveySettings, [slug, id.lower])
        case .surveyRemind(let slug, let id): (.surveyRemind, [slug, id.lower])
        case .surveyExport(let slug, let id): (.surveyExport, [slug, id.lower])
        case .surveyNeeds(let slug, let id): (.surveyNeeds, [slug, id.lower])
        case .programLearningGains(let slug): (.programLearningGains, [slug])
        case .apiProgramSurveys(let slug): (.apiProgramSurveys, [slug])
        case .apiProgramLearningGains(let slug): (.apiProgramLearningGains, [slug])
        case .apiSurveyResponses(let id): (.apiSurveyResponses, [id.lower])
        case .personFeed(let token): (.personFeed, [token])
        case .programAgendaFeed(let slug): (.programAgendaFeed, [slug])
        case .apiProgramAgenda(let slug): (.apiProgramAgenda, [slug])
        case .signIn: (.signIn, [])
        case .signOut: (.signOut, [])
        case .staffHome: (.staffHome, [])
        case .organisations: (.organisations, [])
        case .newOrganisation: (.newOrganisation, [])
        case .organisation(let id): (.organisation, [id.lower])
        case .deleteOrganisation(let id): (.deleteOrganisation, [id.lower])
        case .accounts: (.accounts, [])
        case .newAccount: (.newAccount, [])
        case .account(let id): (.account, [id.lower])
        case .accountPassword(let id): (.accountPassword, [id.lower])
        case .staffPrograms: (.staffPrograms, [])
        case .newProgram: (.newProgram, [])
        case .staffProgram(let slug): (.staffProgram, [slug])
        case .deleteProgram(let slug): (.deleteProgram, [slug])
        case .programPartners(let slug): (.programPartners, [slug])
        case .removePartner(let slug, let id): (.removePartner, [slug, id.lower])
        case .programModules(let slug): (.programModules, [slug])
        case .programModule(let slug, let id): (.programModule, [slug, id.lower])
        case .removeModule(let slug, let id): (.removeModule, [slug, id.lower])
        case .moduleAgenda(let slug, let id): (.moduleAgenda, [slug, id.lower])
        case .programPeople(let slug): (.programPeople, [slug])
        case .programParticipants(let slug): (.programParticipants, [slug])
        case .sessionMaterials(let slug, let id, let sessionID): (.sessionMaterials, [slug, id.lower, sessionID.lower])
        case .removeSessionMaterial(let slug, let id, let sessionID, let materialID):
            (.removeSessionMaterial, [slug, id.lower, sessionID.lower, materialID.lower])
        case .material(let id): (.material, [id.lower])
        case .programParticipantsExport(let slug): (.programParticipantsExport, [slug])
        case .moduleCertificates(let slug, let id): (.moduleCertificates, [slug, id.lower])
        case .revokeCertificate(let slug, let id, let certificateID): (.revokeCertificate, [slug, id.lower, certificateID.lower])
        case .certificate(let id): (.certificate, [id.lower])
        case .verify(let code): (.verify, [code])
        case .verifyJSON(let code): (.verify, [code + ".json"])
        case .apiProgramCertificates(let slug): (.apiProgramCertificates, [slug])
        case .moduleAttendance(let slug, let id): (.moduleAttendance, [slug, id.lower])
        case .moduleAttendanceExport(let slug, let id, _): (.moduleAttendanceExport, [slug, id.lower])
        case .meCheckIn: (.meCheckIn, [])
        case .sessionAttendance(let id): (.sessionAttendance, [id.lower])
        case .removeProgramPerson(let slug, let id): (.removeProgramPerson, [slug, id.lower])
        case .publishAgenda(let slug, let id): (.publishAgenda, [slug, id.lower])
        case .agendaSession(let slug, let id, let sessionID): (.agendaSession, [slug, id.lower, sessionID.lower])
        case .removeAgendaSession(let slug, let id, let sessionID): (.removeAgendaSession, [slug, id.lower, sessionID.lower])
        case .programCountries(let slug): (.programCountries, [slug])
        case .removeCountry(let slug, let code): (.removeCountry, [slug, code])
        case .programMembers(let slug): (.programMembers, [slug])
        case .removeMember(let slug, let id): (.removeMember, [slug, id.lower])
        case .staticFile(let name, _): (.staticAsset, [name])
        case .call(let id): (.call, [id.lower])
        case .programCalls(let slug): (.programCalls, [slug])
        case .callApplications(let id): (.callApplications, [id.lower])
        case .callApplication(let callID, let id): (.callApplication, [callID.lower, id.lower])
        case .callExport(let id): (.callExport, [id.lower])
        case .startApplication(let id): (.startApplication, [id.lower])
        case .resume(let token): (.resume, [token])
        case .application(let id): (.application, [id.lower])
        case .applicationSection(let id, let index): (.applicationSection, [id.lower, String(index + 1)])
        case .applicationReview(let id): (.applicationReview, [id.lower])
        case .applicationSubmit(let id): (.applicationSubmit, [id.lower])
        case .applicationReceipt(let id): (.applicationReceipt, [id.lower])
        case .applicationWithdraw(let id): (.applicationWithdraw, [id.lower])
        case .applicationFile(let id, let fileID): (.applicationFile, [id.lower, fileID.lower])
        case .staffApplicationFile(let callID, let id, let fileID): (.staffApplicationFile, [callID.lower, id.lower, fileID.lower])
        case .applicationEligibility(let callID, let id): (.applicationEligibility, [callID.lower, id.lower])
        case .callBulkStatus(let id): (.callBulkStatus, [id.lower])
        case .newCall(let slug): (.newCall, [slug])
        case .editCall(let id): (.editCall, [id.lower])
        case .callForm(let id): (.callForm, [id.lower])
        case .callFormSection(let id): (.callFormSection, [id.lower])
        case .callFormQuestion(let id): (.callFormQuestion, [id.lower])
        case .callFormMove(let id): (.callFormMove, [id.lower])
        case .callFormRemove(let id): (.callFormRemove, [id.lower])
        case .callPreview(let id, _, _): (.callPreview, [id.lower])
        case .apiTokens: (.apiTokens, [])
        case .callReview(let id): (.callReview, [id.lower])
        case .callReviewAssign(let id): (.callReviewAssign, [id.lower])
        case .callReviewAssignment(let id): (.callReviewAssignment, [id.lower])
        case .callReviewUnassign(let id): (.callReviewUnassign, [id.lower])
        case .reviewHome: (.reviewHome, [])
        case .callSelection(let id): (.callSelection, [id.lower])
        case .selectionRun(let callID, let id): (.selectionRun, [callID.lower, id.lower])
        case .selectionInstance(let callID, let id): (.selectionInstance, [callID.lower, id.lower])
        case .selectionCompare(let id): (.selectionCompare, [id.lower])
        case .selectionDecisions(let callID, let runID): (.selectionDecisions, [callID.lower, runID.lower])
        case .callDecisions(let id): (.callDecisions, [id.lower])
        case .callDecisionOffer(let id): (.callDecisionOffer, [id.lower])
        case .applicationDecision(let id): (.applicationDecision, [id.lower])
        case .reviewQueue(let id): (.reviewQueue, [id.lower])
        case .reviewApplication(let callID, let id): (.reviewApplication, [callID.lower, id.lower])
        case .reviewConflict(let callID, let id): (.reviewConflict, [callID.lower, id.lower])
        case .revokeAPIToken(let id): (.revokeAPIToken, [id.lower])
        case .ownPassword: (.ownPassword, [])
        case .health: (.health, [])
        case .ready: (.ready, [])
        case .apiContract: (.apiContract, [])
        case .apiPrograms: (.apiPrograms, [])
        case .apiProgram(let slug): (.apiProgram, [slug])
        case .apiCalls: (.apiCalls, [])
        case .apiCall(let id): (.apiCall, [id.lower])
        case .apiCallApplications(let id): (.apiCallApplications, [id.lower])
        case .apiOwnApplication: (.apiOwnApplication, [])
        case .apiApplication(let id): (.apiApplication, [id.lower])
        case .apiApplicationSubmit(let id): (.apiApplicationSubmit, [id.lower])
        case .apiApplicationFiles(let id): (.apiApplicationFiles, [id.lower])
        }
    }

    /// The query some addresses carry (already encoded).
    private var query: String? {
        switch self {
        case .signIn(let next?): next.addingPercentEncoding(withAllowedCharacters: .alphanumerics).map { "next=\($0)" }
        case .staticFile(_, let version): "v=\(version)"
        case .callPreview(_, let language, let section): "lang=\(language)&section=\(section + 1)"
        case .moduleAttendanceExport(_, _, true): "names=1"
        default: nil
        }
    }

    /// Accepts a sign-in `next` only when it is a path on this site (`SameSitePath`).
    static func safeNext(_ raw: String?) -> String? { SameSitePath.check(raw) }
}

private extension UUID {
    /// Addresses carry ids in lower case.
    var lower: String { uuidString.lowercased() }
}
