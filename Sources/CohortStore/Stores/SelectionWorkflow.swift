import CohortCore
import Foundation

/// Running a selection, the same for the staff pages and any other caller: read the pool,
/// check the manager's setup against it, solve, and keep the run with its exact instance.
public struct SelectionWorkflow: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public enum Outcome: Sendable {
        /// The setup names something the pool does not have, field by field; nothing was run.
        case refused(ValidationFailure)
        case saved(SelectionRun)
    }

    /// `solve` is given the instance and returns the solution; the caller says where it runs
    /// (the server puts it on its thread pool) so that nothing here depends on the web layer.
    public func run(_ call: CallStore.Loaded, programID: UUID, form: SelectionSetupForm, by accountID: UUID, now: Date,
                    solve: @Sendable (SelectionInstance) async throws -> SelectionSolution) async throws -> Outcome {
        let score = SelectionSetup.Score(rawValue: form.score) ?? .calibrated
        let runs = SelectionRunStore(db: db)
        let candidates = try await runs.candidates(callID: call.call.id, programID: programID, form: call.form, rules: call.rules, score: score)
        let attributes = SelectionCandidate.attributeValues(candidates)
        switch form.setup(references: Set(candidates.map(\.reference)), attributes: Set(attributes.keys)) {
        case .failure(let failure):
            return .refused(failure)
        case .success(let setup):
            let instance = try setup.instance(candidates: candidates)
            let started = ContinuousClock.now
            let solution = try await solve(instance)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return .saved(try await runs.save(callID: call.call.id, name: setup.name, createdBy: accountID, form: form.values,
                                              instance: instance, solution: solution, timeSeconds: seconds, now: now))
        }
    }
}
