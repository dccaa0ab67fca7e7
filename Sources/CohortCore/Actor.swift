import Foundation

/// Who is asking: the signed-in account with its platform role and its roles per program.
public struct Actor: Sendable, Equatable {
    public let accountID: UUID
    public let platformRole: PlatformRole
    public let programRoles: [UUID: Set<ProgramRole>]

    public init(accountID: UUID, platformRole: PlatformRole, programRoles: [UUID: Set<ProgramRole>]) {
        self.accountID = accountID
        self.platformRole = platformRole
        self.programRoles = programRoles
    }

    public var isAdmin: Bool { platformRole == .admin }
}

/// Everything staff can do, each answered by one rule. Deny by default: an action
/// that is not granted here is refused.
public enum StaffAction: Sendable, Equatable {
    case manageOrganisations
    case manageAccounts
    case createProgram
    case deleteProgram
    case assignProgramRoles
    case viewStaffProgram(UUID)
    case editProgram(UUID)
    /// Read a program's applications, with identities, and export them.
    case viewApplications(UUID)
    /// Change applications' status and override eligibility, with a note.
    case decideApplications(UUID)
    /// Create and edit a program's calls and their forms.
    case manageCalls(UUID)
    /// Set up a call's review (rubric, blind review), assign reviewers, read scores.
    case manageReview(UUID)
    /// Run, compare and read selection runs (with identities).
    case runSelection(UUID)
    /// Edit a program's agendas and publish them.
    case manageAgenda(UUID)
    /// Create a program's surveys, remind, and read their results (never whose answers are whose in a protected survey).
    case manageSurveys(UUID)
}

public enum AccessPolicy {
    public static func allows(_ actor: Actor?, _ action: StaffAction) -> Bool {
        guard let actor else { return false }
        if actor.isAdmin { return true }
        switch action {
        case .manageOrganisations, .manageAccounts, .createProgram, .deleteProgram, .assignProgramRoles:
            return false
        case .viewStaffProgram(let program), .editProgram(let program), .viewApplications(let program),
             .decideApplications(let program), .manageCalls(let program), .manageReview(let program),
             .runSelection(let program), .manageAgenda(let program), .manageSurveys(let program):
            return actor.programRoles[program]?.contains(.manager) == true
        }
    }

    /// Whether the actor reviews for the program. What they may open is then decided per
    /// application: only those assigned to them.
    public static func reviews(_ actor: Actor?, programID: UUID) -> Bool {
        actor?.programRoles[programID]?.contains(.reviewer) == true
    }

    /// The programs an actor may open in the staff area; nil means all of them.
    public static func visibleProgramIDs(_ actor: Actor) -> Set<UUID>? {
        if actor.isAdmin { return nil }
        return Set(actor.programRoles.filter { $0.value.contains(.manager) }.keys)
    }

    /// Whether the actor may use the staff area at all.
    public static func isStaff(_ actor: Actor) -> Bool {
        actor.isAdmin || actor.programRoles.values.contains { $0.contains(.manager) || $0.contains(.reviewer) }
    }

    /// Programs the actor reviews for (the staff area's programs stay closed to a reviewer
    /// who is not also a manager: blind review would mean nothing otherwise).
    public static func reviewedProgramIDs(_ actor: Actor) -> Set<UUID> {
        Set(actor.programRoles.filter { $0.value.contains(.reviewer) }.keys)
    }
}
