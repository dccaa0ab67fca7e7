import CohortCore
import Foundation
import SQLKit

/// Certificates of attendance: issued by a program's managers to the participants who meet a
/// module's completion rule (or, with a note, to others), verified by anyone with the code,
/// and revoked with a reason.
public struct CertificateStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// A certificate with what its pages show.
    public struct Certificate: Sendable, Equatable {
        public let id: UUID
        public let code: String
        public let personID: UUID
        public let moduleID: UUID
        public let name: String
        public let sessionsAttended: Int
        public let sessionsHeld: Int
        public let hoursAttended: Double
        public let overrideNote: String?
        public let issuedAt: Date
        public let revokedAt: Date?
        public let revokedReason: String?
        /// The holder's address, for an Open Badges recipient (hashed there); nil for someone without one.
        public let email: String?

        public var isRevoked: Bool { revokedAt != nil }
    }

    static let columns = "c.id, c.code, c.person_id, c.module_id, c.name, c.sessions_attended, c.sessions_held, c.hours_attended, "
        + "c.override_note, c.issued_at, c.revoked_at, c.revoked_reason, p.email"

    struct Row: Decodable {
        let id: UUID; let code: String; let person_id: UUID; let module_id: UUID; let name: String; let sessions_attended: Int
        let sessions_held: Int; let hours_attended: Double; let override_note: String?; let issued_at: Date; let revoked_at: Date?
        let revoked_reason: String?; let email: String?

        var certificate: Certificate {
            Certificate(id: id, code: code, personID: person_id, moduleID: module_id, name: name, sessionsAttended: sessions_attended,
                        sessionsHeld: sessions_held, hoursAttended: hours_attended, overrideNote: override_note, issuedAt: issued_at,
                        revokedAt: revoked_at, revokedReason: revoked_reason, email: email)
        }
    }

    static func certificates(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [Certificate] {
        try sql.rows("""
            SELECT \(unsafeRaw: columns) FROM certificates c JOIN program_modules m ON m.id = c.module_id \
            JOIN people p ON p.id = c.person_id WHERE \(filter) ORDER BY c.issued_at, c.name, c.id
            """).map { try $0.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys).certificate }
    }

    public func module(_ moduleID: UUID) async throws -> [Certificate] {
        try await db.read { sql in try Self.certificates(where: "c.module_id = \(bind: moduleID)", on: sql) }
    }

    public func program(_ programID: UUID) async throws -> [Certificate] {
        try await db.read { sql in try Self.certificates(where: "m.program_id = \(bind: programID)", on: sql) }
    }

    /// Every certificate of the people with this address.
    public func person(email: String) async throws -> [Certificate] {
        try await db.read { sql in try Self.certificates(where: "p.email = \(bind: email)", on: sql) }
    }

    public func find(code: String) async throws -> Certificate? {
        try await db.read { sql in try Self.certificates(where: "c.code = \(bind: code)", on: sql).first }
    }

    public func find(id: UUID) async throws -> Certificate? {
        try await db.read { sql in try Self.certificates(where: "c.id = \(bind: id)", on: sql).first }
    }

    public enum IssueOutcome: Sendable, Equatable {
        /// How many were issued; those who already held a valid one are skipped.
        case issued(Int)
        /// Someone asked for does not meet the rule and no note says why they get one anyway.
        case belowRule(names: [String])
    }

    /// Issues certificates of the module to `people` (participants of its program), in one
    /// transaction: to those who meet the completion rule, and to the others only with `note`.
    /// The name is the one each person chose for certificates, else their full name; the
    /// attendance is as it stands now. `code` makes each certificate's verification code.
    public func issue(moduleID: UUID, to people: Set<UUID>, note: String?, by accountID: UUID?, now: Date,
                      code: @escaping @Sendable () -> VerificationCode) async throws -> IssueOutcome {
        try await db.write { sql in try Self.issue(moduleID: moduleID, to: people, note: note, by: accountID, now: now, code: code, on: sql) }
    }

    static func issue(moduleID: UUID, to people: Set<UUID>, note: String?, by accountID: UUID?, now: Date,
                  code: () -> VerificationCode, on sql: any SyncSQL) throws -> IssueOutcome {
        guard let attendance = try AttendanceStore.module(moduleID: moduleID, now: now, on: sql) else { throw DomainError.notFound("module") }
        let held = Set(try Self.certificates(where: "c.module_id = \(bind: moduleID) AND c.revoked_at IS NULL", on: sql).map(\.personID))
        let chosen = attendance.participants.filter { people.contains($0.personID) && !held.contains($0.personID) }
        let below = chosen.filter { !attendance.rule.isMet(by: attendance.summary(of: $0.personID)) }
        if !below.isEmpty && (note ?? "").isEmpty { return .belowRule(names: below.map(\.name)) }
        struct Name: Decodable { let full_name: String; let certificate_name: String }
        for person in chosen {
            let summary = attendance.summary(of: person.personID)
            let names = try sql.first("SELECT full_name, certificate_name FROM people WHERE id = \(bind: person.personID)", decoding: Name.self)
            let name = names.map { $0.certificate_name.isEmpty ? $0.full_name : $0.certificate_name } ?? person.name
            let overridden = attendance.rule.isMet(by: summary) ? nil : note
            try sql.run("""
                INSERT INTO certificates (id, code, person_id, module_id, name, sessions_attended, sessions_held, hours_attended, \
                override_note, issued_at, issued_by) VALUES (\(bind: UUID()), \(bind: code().value), \(bind: person.personID), \
                \(bind: moduleID), \(bind: name), \(bind: summary.sessionsAttended), \(bind: summary.sessionsHeld), \
                \(bind: summary.hoursAttended), \(bind: overridden), \(bind: now), \(bind: accountID))
                """)
        }
        return .issued(chosen.count)
    }

    /// Revokes a valid certificate of the module; the reason is kept for staff.
    public func revoke(id: UUID, moduleID: UUID, reason: String, by accountID: UUID?, now: Date) async throws {
        try await db.write { sql in
            guard let certificate = try Self.certificates(where: "c.id = \(bind: id) AND c.module_id = \(bind: moduleID)", on: sql).first else {
                throw DomainError.notFound("certificate")
            }
            guard !certificate.isRevoked else { throw DomainError.conflict(.certificateRevoked) }
            try sql.run("""
                UPDATE certificates SET revoked_at = \(bind: now), revoked_reason = \(bind: reason), revoked_by = \(bind: accountID) \
                WHERE id = \(bind: id)
                """)
        }
    }
}
