import CohortCore
import CohortStore
import Vapor

/// A staff member's call, beside the applicant's `ApplicantContext`: the call named by
/// `:callID` with its program, the role and the object checked once, here, for every
/// staff page and action on a call.
extension Request {
    /// The call and its program, if the actor may see the program (else the call is not
    /// found, so nobody learns it exists) and may do `action` there (else forbidden).
    func staffCall(for action: (UUID) -> StaffAction = StaffAction.viewApplications) async throws -> (CallStore.Loaded, Program) {
        let actor = try requireActor()
        guard let id = parameters.get("callID", as: UUID.self), let (loaded, program) = try await CallStore(db: persistence).loadWithProgram(id) else {
            throw DomainError.notFound("call")
        }
        guard AccessPolicy.allows(actor, .viewStaffProgram(program.id)) else { throw DomainError.notFound("call") }
        guard AccessPolicy.allows(actor, action(program.id)) else { throw DomainError.forbidden }
        return (loaded, program)
    }

    /// The application named by `:applicationID`, if it belongs to this call; 404 otherwise.
    func staffApplication(of loaded: CallStore.Loaded) async throws -> CallApplication {
        guard let id = parameters.get("applicationID", as: UUID.self),
              let application = try await ApplicationStore(db: persistence).find(id), application.callID == loaded.call.id else {
            throw DomainError.notFound("application")
        }
        return application
    }
}
