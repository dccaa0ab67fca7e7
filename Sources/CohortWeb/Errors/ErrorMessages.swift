import CohortCore
import Vapor

/// The one place where the domain's failures become an HTTP status and words: each case has
/// its catalog key (staff texts are English for now, under `staff.`), so a message is
/// changed or translated in the catalog, never in the code that raises it.
enum ErrorMessages {
    static func describe(_ error: DomainError, words: Words) -> (status: HTTPStatus, reason: String) {
        switch error {
        case .notFound: (.notFound, ErrorPage.defaultReason(.notFound))
        case .forbidden: (.forbidden, ErrorPage.defaultReason(.forbidden))
        case .refused(let message): (.unprocessableEntity, message)
        case .conflict(let conflict): (.conflict, text(conflict, words: words))
        }
    }

    static func text(_ conflict: Conflict, words: Words) -> String {
        let (key, arguments) = catalogKey(conflict)
        return words(key, arguments)
    }

    static func catalogKey(_ conflict: Conflict) -> (String, [String: String]) {
        switch conflict {
        case .formChangedMeanwhile: ("staff.conflict.formChangedMeanwhile", [:])
        case .applicationWithdrawn: ("staff.conflict.applicationWithdrawn", [:])
        case .onlySubmittedApplicationsMove: ("staff.conflict.onlySubmittedApplicationsMove", [:])
        case .runFoundNoCohort: ("staff.conflict.runFoundNoCohort", [:])
        case .decisionsAlreadySent: ("staff.conflict.decisionsAlreadySent", [:])
        case .onlyWaitlistedCanBeOffered: ("staff.conflict.onlyWaitlistedCanBeOffered", [:])
        case .rubricBeforeAssigning: ("staff.conflict.rubricBeforeAssigning", [:])
        case .programHasNoReviewers: ("staff.conflict.programHasNoReviewers", [:])
        case .alreadyReviewed: ("staff.conflict.alreadyReviewed", [:])
        case .callHasNoRubric: ("staff.conflict.callHasNoRubric", [:])
        case .reviewNotSetUp: ("staff.conflict.reviewNotSetUp", [:])
        case .organisationIsPartner(let programs): ("staff.conflict.organisationIsPartner", ["programs": programs.joined(separator: "; ")])
        case .offerNotOpen(.notAnOffer): ("staff.conflict.offerNotAnOffer", [:])
        case .offerNotOpen(.alreadyAnswered): ("staff.conflict.offerAlreadyAnswered", [:])
        case .offerNotOpen(.timePassed): ("staff.conflict.offerTimePassed", [:])
        }
    }

    /// One of each case, for the test that every key is in the catalog.
    static let everyConflict: [Conflict] = [
        .formChangedMeanwhile, .applicationWithdrawn, .onlySubmittedApplicationsMove, .runFoundNoCohort, .decisionsAlreadySent,
        .onlyWaitlistedCanBeOffered, .rubricBeforeAssigning, .programHasNoReviewers, .alreadyReviewed, .callHasNoRubric,
        .reviewNotSetUp, .organisationIsPartner(programs: ["A", "B"]), .offerNotOpen(.notAnOffer), .offerNotOpen(.alreadyAnswered),
        .offerNotOpen(.timePassed),
    ]
}
