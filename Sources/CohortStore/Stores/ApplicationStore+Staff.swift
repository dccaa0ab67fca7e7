import CohortCore
import Foundation
import SQLKit

/// What a program's staff decide about applications: eligibility overrides, statuses, counts.
extension ApplicationStore {
    /// A manager's decision on eligibility, with the note that explains it; `nil` lifts an
    /// override so the rules decide again. Who and when are kept with it.
    public func overrideEligibility(id: UUID, eligible: Bool?, note: String?, by accountID: UUID, now: Date) async throws -> EligibilityDecision {
        try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: id, on: sql) else { throw DomainError.notFound("application") }
            let rules = try ApplicationSQL.rules(callID: row.call_id, on: sql)
            let facts = try StoredFacts(answers: try row.decodedAnswers(), rules: rules, email: row.email, reference: row.reference, override: eligible)
            let decision = EligibilityDecision(override: eligible, note: eligible == nil ? nil : note,
                                               by: eligible == nil ? nil : accountID, at: eligible == nil ? nil : now)
            try sql.run("""
                UPDATE applications SET eligibility_override = \(bind: decision.override), eligibility_note = \(bind: decision.note), \
                eligibility_override_by = \(bind: decision.by), eligibility_override_at = \(bind: decision.at), \
                full_name = \(bind: facts.fullName), nationality = \(bind: facts.nationality), residence = \(bind: facts.residence), \
                sector = \(bind: facts.sector), gender = \(bind: facts.gender), search_text = \(bind: facts.searchText), \
                is_eligible = \(bind: facts.isEligible), ineligibility_reasons = \(bind: facts.ineligibilityReasons), \
                updated_at = \(bind: now) WHERE id = \(bind: id)
                """)
            try FacetVersion.bump(callID: row.call_id, on: sql)
            return decision
        }
    }

    public func eligibilityDecision(id: UUID) async throws -> EligibilityDecision? {
        try await db.read { sql in try ApplicationSQL.row(id: id, on: sql)?.eligibilityDecision }
    }

    /// Moves submitted applications of one call to another staff status, all or none.
    /// Returns how many changed; applications staff may not move (drafts, withdrawn) are left as they are and counted apart.
    public func setStatus(_ status: ApplicationStatus, ids: [UUID], callID: UUID, now: Date) async throws -> (changed: Int, skipped: Int) {
        guard status.isSubmitted else { throw DomainError.conflict(.onlySubmittedApplicationsMove) }
        guard !ids.isEmpty else { return (0, 0) }
        return try await db.write { sql in
            let rows = try sql.rows("""
                SELECT \(unsafeRaw: ApplicationSQL.columnList) FROM applications WHERE call_id = \(bind: callID) AND id IN (\(binds: ids))
                """).map(ApplicationSQL.Row.init)
            var changed = 0
            for row in rows where row.status.staffMayChange(to: status) && row.status != status {
                try sql.run("""
                    UPDATE applications SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: row.id)
                    """)
                changed += 1
            }
            if changed > 0 { try FacetVersion.bump(callID: callID, on: sql) }
            return (changed, ids.count - changed)
        }
    }

    public func count(callID: UUID, status: ApplicationStatus? = nil) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await db.read { sql in
            let count: Count?
            if let status {
                count = try sql.first("""
                    SELECT COUNT(*) AS n FROM applications WHERE call_id = \(bind: callID) AND status = \(bind: status.rawValue)
                    """, decoding: Count.self)
            } else {
                count = try sql.first("SELECT COUNT(*) AS n FROM applications WHERE call_id = \(bind: callID)", decoding: Count.self)
            }
            return count?.n ?? 0
        }
    }
}
