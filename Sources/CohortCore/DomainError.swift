/// Failures the domain names; the web layer maps each to one HTTP status and one catalog
/// key, in one place (`ErrorMessages` in CohortWeb).
public enum DomainError: Error, Equatable, Sendable {
    case notFound(String)
    case forbidden
    /// The request is well formed but the state of things stands in its way.
    case conflict(Conflict)
    /// Refused with words already in the reader's language (an applicant's page).
    case refused(String)
}

/// Why a change cannot be made now. Each case has one message (`staff.conflict.*` in the
/// English catalog), so staff and API messages can be translated without touching the code.
public enum Conflict: Equatable, Sendable {
    case formChangedMeanwhile
    case applicationWithdrawn
    case onlySubmittedApplicationsMove
    case runFoundNoCohort
    case decisionsAlreadySent
    case onlyWaitlistedCanBeOffered
    case rubricBeforeAssigning
    case programHasNoReviewers
    case alreadyReviewed
    case callHasNoRubric
    case reviewNotSetUp
    case organisationIsPartner(programs: [String])
    case offerNotOpen(SelectionDecision.Refusal)
    /// Publishing an agenda that is the same as its last version.
    case agendaUnchanged
    /// Taking a facilitator's or resource person's role while sessions still name them.
    case personSpeaks(sessions: Int)
    /// Revoking a certificate that is already revoked.
    case certificateRevoked
}
