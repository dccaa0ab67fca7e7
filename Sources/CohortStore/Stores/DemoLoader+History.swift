import CohortCore
import Foundation
import SQLKit

extension DemoLoader {
    /// A closed call as it went: a selection run made from its reviews (the same candidates,
    /// setup and solver as the staff pages), its decisions, and the answers to them: every
    /// accepted applicant confirms but one, who declines, and the waitlisted applicant proposed
    /// in their place is offered it and confirms. Then the advocates the partners nominated
    /// from countries of origin are added by hand. No message goes out: this is the past.
    static func loadSelection(callID: UUID, programID: UUID, entry: DemoCatalog.CallEntry, managerID: UUID, closedAt: Date,
                              on sql: any SyncSQL) throws {
        let day: TimeInterval = 86_400
        let candidates = try SelectionRunSQL.candidates(callID: callID, programID: programID, form: entry.form, rules: entry.rules,
                                                        score: .calibrated, on: sql)
        let form = DemoCatalog.selection2017
        guard case .success(let setup) = form.setup(references: Set(candidates.map(\.reference)),
                                                    attributes: Set(SelectionCandidate.attributeValues(candidates).keys)) else {
            throw StoreError.corrupt(table: "selection_runs", column: "form")
        }
        let instance = try setup.instance(candidates: candidates)
        // Two weeks after the call closed, at half past ten in the morning.
        let ranAt = closedAt.addingTimeInterval(14 * day + 10.5 * 3600)
        let run = try SelectionRunSQL.insert(callID: callID, name: setup.name, createdBy: managerID, form: form.values, instance: instance,
                                             solution: try SelectionSolver.solve(instance), timeSeconds: 0.01, now: ranAt, on: sql)
        let sentAt = ranAt.addingTimeInterval(day), respondBy = sentAt.addingTimeInterval(14 * day)
        let decisions = try DecisionSQL.record(runID: run.id, callID: callID, waitlistSize: 4, respondBy: respondBy, by: managerID,
                                               now: sentAt, on: sql).map(\.1)
        let accepted = decisions.filter { $0.outcome == .accepted }, holding = accepted.map(\.reference)
        let waitlist = decisions.filter { $0.outcome == .waitlisted }.map(\.reference)
        // One accepted applicant declines (the first, from the third on, whom someone on the
        // waiting list can replace without breaking a quota); everyone else confirms within the week.
        let leaving = accepted.dropFirst(2).lazy.compactMap { decision in
            SelectionDecisionPlan.replacement(for: decision.reference, instance: instance, cohort: holding, waitlist: waitlist)
                .map { (reference: decision.reference, replacement: $0) }
        }.first
        for (index, decision) in accepted.enumerated() {
            _ = try DecisionSQL.respond(applicationID: decision.applicationID, confirm: decision.reference != leaving?.reference,
                                        programID: programID, now: sentAt.addingTimeInterval(Double(1 + index % 6) * day + Double(index * 47 * 60)), isSample: true,
                                        on: sql)
        }
        if let leaving, let offered = decisions.first(where: { $0.reference == leaving.replacement }) {
            let offeredAt = sentAt.addingTimeInterval(8 * day)
            _ = try DecisionSQL.offer(applicationID: offered.applicationID, callID: callID, respondBy: offeredAt.addingTimeInterval(7 * day), on: sql)
            _ = try DecisionSQL.respond(applicationID: offered.applicationID, confirm: true, programID: programID,
                                        now: offeredAt.addingTimeInterval(2 * day), isSample: true, on: sql)
        }
        for (index, nominee) in DemoCatalog.nominees2017.enumerated() {
            let id = UUID()
            try PeopleSQL.insert(id: id, fullName: nominee.name, country: nominee.country, sector: nominee.sector.rawValue,
                                 position: nominee.position, isSample: true, email: DemoCatalog.nominee2017Email(index),
                                 organisationName: nominee.organisation, now: sentAt.addingTimeInterval(10 * day), on: sql)
            try PeopleSQL.enrol(Enrolment(programID: programID, personID: id, role: .participant), on: sql)
        }
    }
}
