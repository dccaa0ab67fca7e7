import CohortCore
import FluentKit
import Foundation

/// Sending a run's decisions (with their messages, in one transaction) and taking the accepted
/// applicants' answers; a confirmed place makes the applicant a participant of the program.
public struct DecisionStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public struct Sent: Sendable, Equatable {
        public let accepted: Int
        public let waitlisted: Int
        public let declined: Int
    }

    /// Sends the decisions of an optimal run. Refused when the call's decisions were already
    /// sent (they are final), or for a run whose quotas conflict.
    /// Each message carries a new private link (`newToken` gives the link's token and the hash
    /// kept), since the ones sent before are not kept in the clear.
    public func send(runID: UUID, callID: UUID, waitlistSize: Int, respondBy: Date, by managerID: UUID, now: Date,
                     newToken: @escaping @Sendable () -> (token: String, hash: String),
                     message: @escaping @Sendable (CallApplication, SelectionDecision, String) -> OutgoingMessage) async throws -> Sent {
        try await db.modelTransaction { tx in
            guard let run = try await db.statements(in: tx, { sql in try SelectionRunSQL.find(id: runID, callID: callID, on: sql) }) else { throw DomainError.notFound("selection run") }
            guard run.status == .optimal else { throw DomainError.conflict(.runFoundNoCohort) }
            guard try await SelectionDecisionRecord.query(on: tx).filter(\.$callID == callID).count() == 0 else {
                throw DomainError.conflict(.decisionsAlreadySent)
            }
            let instance = try SelectionInstance.decode(json: run.instance)
            let plan = SelectionDecisionPlan.make(instance: instance, selected: run.selected, waitlistSize: waitlistSize)
            let applications = try await db.statements(in: tx) { sql in try ApplicationSQL.rows(callID: callID, on: sql) }
            let byReference = Dictionary(applications.compactMap { record in record.reference.map { ($0, record) } }, uniquingKeysWith: { $1 })
            var counts: [SelectionDecision.Outcome: Int] = [:]
            for entry in plan {
                guard let record = byReference[entry.reference] else { continue }
                let decision = SelectionDecision(applicationID: record.id, reference: entry.reference, runID: runID, outcome: entry.outcome,
                                                 respondBy: entry.outcome == .accepted ? respondBy : nil, waitlistRank: entry.waitlistRank)
                try await SelectionDecisionRecord(decision, callID: callID, by: managerID, now: now).create(on: tx)
                let link = newToken()
                let outgoing = message(try record.value(), decision, link.token)
                try await db.statements(in: tx) { sql in
                    for statement in PrivateLinkSQL.replace(applicationID: decision.applicationID, tokenHash: link.hash, now: now) {
                        try sql.run(statement)
                    }
                    try OutboxStore.enqueue(outgoing, now: now, on: sql)
                }
                counts[entry.outcome, default: 0] += 1
            }
            return Sent(accepted: counts[.accepted] ?? 0, waitlisted: counts[.waitlisted] ?? 0, declined: counts[.declined] ?? 0)
        }
    }

    /// Offers a freed place to someone on the waiting list (the manager follows the proposed
    /// replacement, or chooses another): their decision becomes an offer with its own deadline,
    /// and the message with a new private link goes in the same transaction.
    public func offerPlace(applicationID: UUID, callID: UUID, respondBy: Date, now: Date,
                           newToken: @escaping @Sendable () -> (token: String, hash: String),
                           message: @escaping @Sendable (CallApplication, SelectionDecision, String) -> OutgoingMessage) async throws -> SelectionDecision {
        try await db.modelTransaction { tx in
            guard let record = try await SelectionDecisionRecord.query(on: tx).filter(\.$callID == callID)
                .filter(\.$applicationID == applicationID).first(),
                  let application = try await db.statements(in: tx, { sql in try ApplicationSQL.row(id: applicationID, on: sql) }) else {
                throw DomainError.notFound("decision")
            }
            guard record.outcome == SelectionDecision.Outcome.waitlisted.rawValue else {
                throw DomainError.conflict(.onlyWaitlistedCanBeOffered)
            }
            record.outcome = SelectionDecision.Outcome.accepted.rawValue
            record.respondBy = respondBy
            record.waitlistRank = nil
            try await record.update(on: tx)
            let link = newToken()
            let decision = try record.value()
            let outgoing = message(try application.value(), decision, link.token)
            try await db.statements(in: tx) { sql in
                for statement in PrivateLinkSQL.replace(applicationID: applicationID, tokenHash: link.hash, now: now) {
                    try sql.run(statement)
                }
                try OutboxStore.enqueue(outgoing, now: now, on: sql)
            }
            return decision
        }
    }

    public func decisions(callID: UUID) async throws -> [SelectionDecision] {
        try await SelectionDecisionRecord.query(on: db.fluent).filter(\.$callID == callID).sort(\.$reference).all().map { try $0.value() }
    }

    public func decision(applicationID: UUID) async throws -> SelectionDecision? {
        try await SelectionDecisionRecord.query(on: db.fluent).filter(\.$applicationID == applicationID).first()?.value()
    }

    /// The applicant's answer to an offered place. Confirming makes them a participant of the
    /// program, from what they gave in their application.
    public func respond(applicationID: UUID, confirm: Bool, programID: UUID, now: Date) async throws -> SelectionDecision {
        try await db.modelTransaction { tx in
            guard let record = try await SelectionDecisionRecord.query(on: tx).filter(\.$applicationID == applicationID).first() else {
                throw DomainError.notFound("decision")
            }
            if let refusal = try record.value().refusal(at: now) { throw DomainError.conflict(.offerNotOpen(refusal)) }
            record.response = (confirm ? SelectionDecision.Response.confirmed : .declined).rawValue
            record.respondedAt = now
            if confirm, let application = try await db.statements(in: tx, { sql in try ApplicationSQL.row(id: applicationID, on: sql) }) {
                let person = PersonRecord()
                person.id = UUID()
                person.fullName = application.full_name
                person.country = application.nationality.isEmpty ? application.residence : application.nationality
                person.sector = application.sector
                var position = ""
                if case .text(let text)? = try application.decodedAnswers()["position"] { position = text }
                person.position = position
                person.isSample = false
                try await person.create(on: tx)
                let enrolment = EnrolmentRecord(Enrolment(programID: programID, personID: person.id!, role: .participant))
                try await enrolment.create(on: tx)
                record.personID = person.id
            }
            try await record.update(on: tx)
            return try record.value()
        }
    }

    /// For an accepted applicant who declined: the waitlisted applicant proposed in their place.
    public func proposedReplacement(for applicationID: UUID, callID: UUID) async throws -> String? {
        try await proposedReplacements(callID: callID)[applicationID] ?? nil
    }

    /// For every accepted applicant who declined, the waitlisted applicant proposed in their place
    /// (nil: nobody alone keeps every quota). The run is read and decoded once for them all.
    public func proposedReplacements(callID: UUID) async throws -> [UUID: String?] {
        let decisions = try await decisions(callID: callID)
        let declined = decisions.filter { $0.outcome == .accepted && $0.response == .declined }
        guard let runID = declined.first?.runID, let run = try await SelectionRunStore(db: db).run(id: runID, callID: callID) else { return [:] }
        let instance = try SelectionInstance.decode(json: run.instance)
        let holding = decisions.filter { $0.outcome == .accepted && $0.response != .declined }.map(\.reference)
        let waitlist = decisions.filter { $0.outcome == .waitlisted }.map(\.reference)
        var proposals: [UUID: String?] = [:]
        for leaving in declined {
            // Each is asked as if they were the one leaving a cohort that still holds everyone else.
            let replacement = SelectionDecisionPlan.replacement(for: leaving.reference, instance: instance, cohort: holding + [leaving.reference],
                                                                waitlist: waitlist)
            proposals.updateValue(replacement, forKey: leaving.applicationID)
        }
        return proposals
    }
}

final class SelectionDecisionRecord: Model, @unchecked Sendable {
    static let schema = "selection_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "run_id") var runID: UUID
    @Field(key: "reference") var reference: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "respond_by") var respondBy: Date?
    @OptionalField(key: "waitlist_rank") var waitlistRank: Int?
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "decided_by") var decidedBy: UUID
    @Field(key: "decided_at") var decidedAt: Date

    init() {}

    init(_ decision: SelectionDecision, callID: UUID, by managerID: UUID, now: Date) {
        id = UUID()
        self.callID = callID
        applicationID = decision.applicationID
        runID = decision.runID
        reference = decision.reference
        outcome = decision.outcome.rawValue
        respondBy = decision.respondBy
        waitlistRank = decision.waitlistRank
        decidedBy = managerID
        decidedAt = now
    }

    func value() throws -> SelectionDecision {
        SelectionDecision(applicationID: applicationID, reference: reference, runID: runID,
                          outcome: try stored(outcome, table: Self.schema, column: "outcome"), respondBy: respondBy, waitlistRank: waitlistRank,
                          response: try response.map { try stored($0, table: Self.schema, column: "response") }, respondedAt: respondedAt)
    }
}
