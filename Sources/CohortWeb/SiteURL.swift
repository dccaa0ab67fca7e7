import CohortCore
import Foundation

/// Every address Cohort links to or redirects to, in one place.
enum SiteURL: Equatable {
    case home
    case program(slug: String)
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
    case programCountries(slug: String)
    case removeCountry(slug: String, code: String)
    case programMembers(slug: String)
    case removeMember(slug: String, id: UUID)
    case stylesheet(version: String)
    case call(UUID)
    case programCalls(slug: String)
    case callApplications(UUID)
    case callApplication(callID: UUID, id: UUID)
    case callExport(UUID)
    case startApplication(callID: UUID)
    case resume(token: String)
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
    case callFormAction(UUID, action: String)
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

    var path: String {
        switch self {
        case .home: "/"
        case .program(let slug): "/programs/\(slug)"
        case .signIn(let next):
            if let next, let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                "/sign-in?next=\(encoded)"
            } else {
                "/sign-in"
            }
        case .signOut: "/sign-out"
        case .staffHome: "/staff"
        case .organisations: "/staff/organisations"
        case .newOrganisation: "/staff/organisations/new"
        case .organisation(let id): "/staff/organisations/\(id.uuidString.lowercased())"
        case .deleteOrganisation(let id): "/staff/organisations/\(id.uuidString.lowercased())/delete"
        case .accounts: "/staff/accounts"
        case .newAccount: "/staff/accounts/new"
        case .account(let id): "/staff/accounts/\(id.uuidString.lowercased())"
        case .accountPassword(let id): "/staff/accounts/\(id.uuidString.lowercased())/password"
        case .staffPrograms: "/staff/programs"
        case .newProgram: "/staff/programs/new"
        case .staffProgram(let slug): "/staff/programs/\(slug)"
        case .deleteProgram(let slug): "/staff/programs/\(slug)/delete"
        case .programPartners(let slug): "/staff/programs/\(slug)/partners"
        case .removePartner(let slug, let id): "/staff/programs/\(slug)/partners/\(id.uuidString.lowercased())/remove"
        case .programModules(let slug): "/staff/programs/\(slug)/modules"
        case .programModule(let slug, let id): "/staff/programs/\(slug)/modules/\(id.uuidString.lowercased())"
        case .removeModule(let slug, let id): "/staff/programs/\(slug)/modules/\(id.uuidString.lowercased())/remove"
        case .programCountries(let slug): "/staff/programs/\(slug)/countries"
        case .removeCountry(let slug, let code): "/staff/programs/\(slug)/countries/\(code)/remove"
        case .programMembers(let slug): "/staff/programs/\(slug)/members"
        case .removeMember(let slug, let id): "/staff/programs/\(slug)/members/\(id.uuidString.lowercased())/remove"
        case .stylesheet(let version): "/static/cohort.css?v=\(version)"
        case .call(let id): "/calls/\(id.uuidString.lowercased())"
        case .programCalls(let slug): "/staff/programs/\(slug)/calls"
        case .callApplications(let id): "/staff/calls/\(id.uuidString.lowercased())/applications"
        case .callApplication(let callID, let id): "/staff/calls/\(callID.uuidString.lowercased())/applications/\(id.uuidString.lowercased())"
        case .callExport(let id): "/staff/calls/\(id.uuidString.lowercased())/applications.csv"
        case .startApplication(let id): "/calls/\(id.uuidString.lowercased())/start"
        case .resume(let token): "/apply/\(token)"
        case .application(let id): "/applications/\(id.uuidString.lowercased())"
        case .applicationSection(let id, let index): "/applications/\(id.uuidString.lowercased())/sections/\(index + 1)"
        case .applicationReview(let id): "/applications/\(id.uuidString.lowercased())/review"
        case .applicationSubmit(let id): "/applications/\(id.uuidString.lowercased())/submit"
        case .applicationReceipt(let id): "/applications/\(id.uuidString.lowercased())/receipt"
        case .applicationWithdraw(let id): "/applications/\(id.uuidString.lowercased())/withdraw"
        case .applicationFile(let id, let fileID): "/applications/\(id.uuidString.lowercased())/files/\(fileID.uuidString.lowercased())"
        case .staffApplicationFile(let callID, let id, let fileID):
            "/staff/calls/\(callID.uuidString.lowercased())/applications/\(id.uuidString.lowercased())/files/\(fileID.uuidString.lowercased())"
        case .applicationEligibility(let callID, let id):
            "/staff/calls/\(callID.uuidString.lowercased())/applications/\(id.uuidString.lowercased())/eligibility"
        case .callBulkStatus(let id): "/staff/calls/\(id.uuidString.lowercased())/applications/status"
        case .newCall(let slug): "/staff/programs/\(slug)/calls/new"
        case .editCall(let id): "/staff/calls/\(id.uuidString.lowercased())"
        case .callForm(let id): "/staff/calls/\(id.uuidString.lowercased())/form"
        case .callFormAction(let id, let action): "/staff/calls/\(id.uuidString.lowercased())/form/\(action)"
        case .callPreview(let id, let language, let section): "/staff/calls/\(id.uuidString.lowercased())/preview?lang=\(language)&section=\(section + 1)"
        case .apiTokens: "/staff/tokens"
        case .callReview(let id): "/staff/calls/\(id.uuidString.lowercased())/review"
        case .callReviewAssign(let id): "/staff/calls/\(id.uuidString.lowercased())/review/assign"
        case .reviewHome: "/review"
        case .callSelection(let id): "/staff/calls/\(id.uuidString.lowercased())/selection"
        case .selectionRun(let callID, let id): "/staff/calls/\(callID.uuidString.lowercased())/selection/\(id.uuidString.lowercased())"
        case .selectionInstance(let callID, let id): "/staff/calls/\(callID.uuidString.lowercased())/selection/\(id.uuidString.lowercased())/instance.json"
        case .selectionCompare(let id): "/staff/calls/\(id.uuidString.lowercased())/selection/compare"
        case .selectionDecisions(let callID, let runID): "/staff/calls/\(callID.uuidString.lowercased())/selection/\(runID.uuidString.lowercased())/decisions"
        case .callDecisions(let id): "/staff/calls/\(id.uuidString.lowercased())/decisions"
        case .applicationDecision(let id): "/applications/\(id.uuidString.lowercased())/decision"
        case .reviewQueue(let id): "/review/calls/\(id.uuidString.lowercased())"
        case .reviewApplication(let callID, let id): "/review/calls/\(callID.uuidString.lowercased())/applications/\(id.uuidString.lowercased())"
        case .reviewConflict(let callID, let id): "/review/calls/\(callID.uuidString.lowercased())/applications/\(id.uuidString.lowercased())/conflict"
        case .revokeAPIToken(let id): "/staff/tokens/\(id.uuidString.lowercased())/revoke"
        case .ownPassword: "/staff/password"
        }
    }

    /// Accepts a sign-in `next` only when it is a path on this site (`SameSitePath`).
    static func safeNext(_ raw: String?) -> String? { SameSitePath.check(raw) }
}
