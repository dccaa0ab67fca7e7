import CohortCore
import SQLKit
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
        try await db.write { sql in
            let recorded = try DecisionSQL.record(runID: runID, callID: callID, waitlistSize: waitlistSize, respondBy: respondBy,
                                                  by: managerID, now: now, on: sql)
            var counts: [SelectionDecision.Outcome: Int] = [:]
            for (application, decision) in recorded {
                let link = newToken()
                for statement in PrivateLinkSQL.replace(applicationID: decision.applicationID, tokenHash: link.hash, now: now) {
                    try sql.run(statement)
                }
                try OutboxStore.enqueue(message(application, decision, link.token), now: now, on: sql)
                counts[decision.outcome, default: 0] += 1
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
        try await db.write { sql in
            let (application, decision) = try DecisionSQL.offer(applicationID: applicationID, callID: callID, respondBy: respondBy, on: sql)
            let link = newToken()
            for statement in PrivateLinkSQL.replace(applicationID: applicationID, tokenHash: link.hash, now: now) {
                try sql.run(statement)
            }
            try OutboxStore.enqueue(message(application, decision, link.token), now: now, on: sql)
            return decision
        }
    }

    /// By reference.
    public func decisions(callID: UUID) async throws -> [SelectionDecision] {
        try await db.read { sql in try DecisionSQL.all(callID: callID, on: sql) }
    }

    public func decision(applicationID: UUID) async throws -> SelectionDecision? {
        try await db.read { sql in try DecisionSQL.find(applicationID: applicationID, on: sql)?.decision }
    }

    /// The applicant's answer to an offered place. Confirming makes them a participant of the
    /// program, from what they gave in their application.
    public func respond(applicationID: UUID, confirm: Bool, programID: UUID, now: Date) async throws -> SelectionDecision {
        try await db.write { sql in try DecisionSQL.respond(applicationID: applicationID, confirm: confirm, programID: programID, now: now, on: sql) }
    }

    /// For an accepted applicant who declined: the waitlisted applicant proposed in their place.
    public func proposedReplacement(for applicationID: UUID, callID: UUID) async throws -> String? {
        try await proposedReplacements(callID: callID)[applicationID] ?? nil
    }

    /// For every accepted applicant who declined, the waitlisted applicant proposed in their place
    /// (nil: nobody alone keeps every quota); none once the places offered again fill the cohort.
    /// The run is read and decoded once for them all.
    public func proposedReplacements(callID: UUID) async throws -> [UUID: String?] {
        let decisions = try await decisions(callID: callID)
        let declined = decisions.filter { $0.outcome == .accepted && $0.response == .declined }
        guard let runID = declined.first?.runID, let run = try await SelectionRunStore(db: db).run(id: runID, callID: callID) else { return [:] }
        let instance = try SelectionInstance.decode(json: run.instance)
        let holding = decisions.filter { $0.outcome == .accepted && $0.response != .declined }.map(\.reference)
        guard holding.count < instance.cohortSize else { return [:] }
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

/// The `selection_decisions` row, read and written here only.
enum DecisionSQL {
    static let columns = "call_id, application_id, run_id, reference, outcome, respond_by, waitlist_rank, response, responded_at"

    struct Row: Decodable {
        let call_id: UUID
        let application_id: UUID
        let run_id: UUID
        let reference: String
        let outcome: String
        let respond_by: Date?
        let waitlist_rank: Int?
        let response: String?
        let responded_at: Date?

        var decision: SelectionDecision {
            get throws {
                SelectionDecision(applicationID: application_id, reference: reference, runID: run_id,
                                  outcome: try stored(outcome, table: "selection_decisions", column: "outcome"), respondBy: respond_by,
                                  waitlistRank: waitlist_rank,
                                  response: try response.map { try stored($0, table: "selection_decisions", column: "response") },
                                  respondedAt: responded_at)
            }
        }
    }

    static func all(callID: UUID, on sql: any SyncSQL) throws -> [SelectionDecision] {
        try sql.rows("SELECT \(unsafeRaw: columns) FROM selection_decisions WHERE call_id = \(bind: callID) ORDER BY reference")
            .map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).decision }
    }

    static func find(applicationID: UUID, on sql: any SyncSQL) throws -> (callID: UUID, decision: SelectionDecision)? {
        guard let row = try sql.rows("SELECT \(unsafeRaw: columns) FROM selection_decisions WHERE application_id = \(bind: applicationID)").first
        else { return nil }
        let decoded = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
        return (decoded.call_id, try decoded.decision)
    }

    /// Records the decisions of an optimal run, each with its application. Refused when the
    /// call's decisions were already recorded (they are final), or for a run that found no cohort.
    static func record(runID: UUID, callID: UUID, waitlistSize: Int, respondBy: Date, by managerID: UUID, now: Date,
                       on sql: any SyncSQL) throws -> [(CallApplication, SelectionDecision)] {
        guard let run = try SelectionRunSQL.find(id: runID, callID: callID, on: sql) else { throw DomainError.notFound("selection run") }
        guard run.status == .optimal else { throw DomainError.conflict(.runFoundNoCohort) }
        guard try all(callID: callID, on: sql).isEmpty else { throw DomainError.conflict(.decisionsAlreadySent) }
        let instance = try SelectionInstance.decode(json: run.instance)
        let plan = SelectionDecisionPlan.make(instance: instance, selected: run.selected, waitlistSize: waitlistSize)
        let applications = try ApplicationSQL.rows(callID: callID, on: sql)
        let byReference = Dictionary(applications.compactMap { row in row.reference.map { ($0, row) } }, uniquingKeysWith: { $1 })
        var recorded: [(CallApplication, SelectionDecision)] = []
        for entry in plan {
            guard let row = byReference[entry.reference] else { continue }
            let decision = SelectionDecision(applicationID: row.id, reference: entry.reference, runID: runID, outcome: entry.outcome,
                                             respondBy: entry.outcome == .accepted ? respondBy : nil, waitlistRank: entry.waitlistRank)
            try insert(decision, callID: callID, by: managerID, now: now, on: sql)
            recorded.append((try row.value(), decision))
        }
        return recorded
    }

    /// Turns a waitlisted applicant's decision into an offer with its own deadline.
    static func offer(applicationID: UUID, callID: UUID, respondBy: Date, on sql: any SyncSQL) throws -> (CallApplication, SelectionDecision) {
        guard let current = try find(applicationID: applicationID, on: sql), current.callID == callID,
              let application = try ApplicationSQL.row(id: applicationID, on: sql) else {
            throw DomainError.notFound("decision")
        }
        guard current.decision.outcome == .waitlisted else { throw DomainError.conflict(.onlyWaitlistedCanBeOffered) }
        try sql.run("""
            UPDATE selection_decisions SET outcome = \(bind: SelectionDecision.Outcome.accepted.rawValue), respond_by = \(bind: respondBy),
                   waitlist_rank = NULL
            WHERE application_id = \(bind: applicationID)
            """)
        guard let decision = try find(applicationID: applicationID, on: sql)?.decision else { throw DomainError.notFound("decision") }
        return (try application.value(), decision)
    }

    /// The applicant's answer to an offered place. Confirming makes them a participant of the
    /// program, from what they gave in their application.
    /// `isSample` marks the person as demo data.
    static func respond(applicationID: UUID, confirm: Bool, programID: UUID, now: Date, isSample: Bool = false,
                        on sql: any SyncSQL) throws -> SelectionDecision {
        guard let current = try find(applicationID: applicationID, on: sql) else { throw DomainError.notFound("decision") }
        if let refusal = current.decision.refusal(at: now) { throw DomainError.conflict(.offerNotOpen(refusal)) }
        var personID: UUID?
        if confirm, let application = try ApplicationSQL.row(id: applicationID, on: sql) {
            let id = UUID()
            var position = "", organisation = ""
            let answers = try application.decodedAnswers()
            if case .text(let text)? = answers["position"] { position = text }
            if case .text(let text)? = answers["organisation"] { organisation = text }
            let country = application.nationality.isEmpty ? application.residence : application.nationality
            try PeopleSQL.insert(id: id, fullName: application.full_name, country: country, sector: application.sector,
                                 position: position, isSample: isSample, email: application.email, language: application.language,
                                 organisationName: organisation, now: now, on: sql)
            try PeopleSQL.enrol(Enrolment(programID: programID, personID: id, role: .participant), on: sql)
            personID = id
        }
        let response = confirm ? SelectionDecision.Response.confirmed : .declined
        try sql.run("""
            UPDATE selection_decisions SET response = \(bind: response.rawValue), responded_at = \(bind: now),
                   person_id = \(bind: personID)
            WHERE application_id = \(bind: applicationID)
            """)
        guard let decision = try find(applicationID: applicationID, on: sql)?.decision else { throw DomainError.notFound("decision") }
        return decision
    }

    static func insert(_ decision: SelectionDecision, callID: UUID, by managerID: UUID, now: Date, on sql: any SyncSQL) throws {
        try sql.run("""
            INSERT INTO selection_decisions (id, call_id, application_id, run_id, reference, outcome, respond_by, waitlist_rank,
                                             decided_by, decided_at)
            VALUES (\(bind: UUID()), \(bind: callID), \(bind: decision.applicationID), \(bind: decision.runID), \(bind: decision.reference),
                    \(bind: decision.outcome.rawValue), \(bind: decision.respondBy), \(bind: decision.waitlistRank), \(bind: managerID), \(bind: now))
            """)
    }
}
