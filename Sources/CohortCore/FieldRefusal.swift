/// A store's refusal of one field, for a reason only the stored data shows (an address already
/// in use, a reviewer with a conflict). Typed, so its words are kept in the catalog and given by
/// `ErrorMessages` in the web layer, never written in the store.
public struct FieldRefusal: Error, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        case emailInUse
        case accountNotListed
        case roleAlreadyHeld
        case organisationNotListed
        case partnerRoleAlreadyHeld
        case addressInUse(slug: String)
        case reviewerNotInProgram
        case reviewerKnowsApplicant
        case reviewerSameOrganisation
        case reviewerSameCountry
        case noActiveAccount
        case accountManagesNoProgram
        /// A speaker of a session who is not one of the program's facilitators or resource persons.
        case speakerNotInProgram
        /// Someone with this address already holds the role in the program.
        case personRoleHeld
        /// Marked present at a session without being one of the program's participants.
        case notAParticipant
    }

    public let problem: Problem

    public init(_ problem: Problem) { self.problem = problem }

    /// The form field the refusal is shown beside.
    public var field: String {
        switch problem {
        case .emailInUse, .noActiveAccount, .accountManagesNoProgram, .personRoleHeld: "email"
        case .accountNotListed, .roleAlreadyHeld: "accountID"
        case .organisationNotListed, .partnerRoleAlreadyHeld: "organisationID"
        case .addressInUse: "slug"
        case .reviewerNotInProgram, .reviewerKnowsApplicant, .reviewerSameOrganisation, .reviewerSameCountry: "reviewer"
        case .speakerNotInProgram: "speakers"
        case .notAParticipant: "present"
        }
    }
}
