import CohortCore
import Vapor

/// The one place where the domain's failures become an HTTP status and words: each conflict
/// and each field a store refuses has its catalog key (staff texts are English for now, under
/// `staff.`), so a message is changed or translated in the catalog, never in the code that raises it.
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
        case .agendaUnchanged: ("staff.conflict.agendaUnchanged", [:])
        case .personSpeaks(let sessions): ("staff.conflict.personSpeaks", ["sessions": "\(sessions)"])
        case .certificateRevoked: ("staff.conflict.certificateRevoked", [:])
        }
    }

    static func catalogKey(_ problem: FieldRefusal.Problem) -> (String, [String: String]) {
        switch problem {
        case .emailInUse: ("staff.field.emailInUse", [:])
        case .accountNotListed: ("staff.field.accountNotListed", [:])
        case .roleAlreadyHeld: ("staff.field.roleAlreadyHeld", [:])
        case .organisationNotListed: ("staff.field.organisationNotListed", [:])
        case .partnerRoleAlreadyHeld: ("staff.field.partnerRoleAlreadyHeld", [:])
        case .addressInUse(let slug): ("staff.field.addressInUse", ["slug": slug])
        case .reviewerNotInProgram: ("staff.field.reviewerNotInProgram", [:])
        case .reviewerKnowsApplicant: ("staff.field.reviewerKnowsApplicant", [:])
        case .reviewerSameOrganisation: ("staff.field.reviewerSameOrganisation", [:])
        case .reviewerSameCountry: ("staff.field.reviewerSameCountry", [:])
        case .noActiveAccount: ("staff.field.noActiveAccount", [:])
        case .accountManagesNoProgram: ("staff.field.accountManagesNoProgram", [:])
        case .speakerNotInProgram: ("staff.field.speakerNotInProgram", [:])
        case .personRoleHeld: ("staff.field.personRoleHeld", [:])
        case .notAParticipant: ("staff.field.notAParticipant", [:])
        }
    }

    static func text(_ refusal: FieldRefusal, words: Words) -> String {
        let (key, arguments) = catalogKey(refusal.problem)
        return words(key, arguments)
    }

    /// The refusal as the field error a form shows beside its field.
    static func fieldError(_ refusal: FieldRefusal, words: Words) -> FieldError {
        FieldError(refusal.field, text(refusal, words: words))
    }

    /// One of each case, for the test that every key is in the catalog.
    static let everyFieldProblem: [FieldRefusal.Problem] = [
        .emailInUse, .accountNotListed, .roleAlreadyHeld, .organisationNotListed, .partnerRoleAlreadyHeld, .addressInUse(slug: "mwp-2006"),
        .reviewerNotInProgram, .reviewerKnowsApplicant, .reviewerSameOrganisation, .reviewerSameCountry, .noActiveAccount,
        .accountManagesNoProgram, .speakerNotInProgram, .personRoleHeld, .notAParticipant,
    ]

    /// One of each case, for the test that every key is in the catalog.
    static let everyConflict: [Conflict] = [
        .formChangedMeanwhile, .applicationWithdrawn, .onlySubmittedApplicationsMove, .runFoundNoCohort, .decisionsAlreadySent,
        .onlyWaitlistedCanBeOffered, .rubricBeforeAssigning, .programHasNoReviewers, .alreadyReviewed, .callHasNoRubric,
        .reviewNotSetUp, .organisationIsPartner(programs: ["A", "B"]), .offerNotOpen(.notAnOffer), .offerNotOpen(.alreadyAnswered),
        .offerNotOpen(.timePassed), .agendaUnchanged, .personSpeaks(sessions: 2), .certificateRevoked,
    ]
}

extension Request {
    /// Runs a store change; a field the store refuses comes back as a `ValidationFailure` in the
    /// request's words, so the form shows it beside its field and keeps what was typed.
    func refusingFields<T>(_ change: () async throws -> T) async throws -> T {
        do {
            return try await change()
        } catch let refusal as FieldRefusal {
            throw ValidationFailure([ErrorMessages.fieldError(refusal, words: words(.english))])
        }
    }
}

extension Application {
    /// A store's refusal in English, for the command line.
    public func english(_ refusal: FieldRefusal) -> String {
        ErrorMessages.text(refusal, words: Words(catalogs: catalogs, language: .english))
    }
}
