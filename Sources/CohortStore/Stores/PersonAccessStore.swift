import CohortCore
import Foundation
import SQLKit

/// Participants', facilitators' and resource persons' way in: a sign-in link by email, the
/// session it opens, and their private calendar feed. A person is known by the address staff
/// or their application gave (`people.email`, lower-cased) and must be enrolled in a program;
/// everything here is keyed by that address, so one inbox reaches every program it is in.
public struct PersonAccessStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Whom a sign-in link goes to: their name and language, from their newest enrolment.
    public struct Contact: Sendable {
        public let email: String
        public let name: String
        public let language: Language
    }

    public enum LinkOutcome: Sendable, Equatable {
        /// Sent if the address is known, and nothing sent if not: the answer is the same.
        case accepted
        case refused(retryAfterSeconds: Int, reason: StartLimit.Reason)
    }

    /// Records a sign-in link for `email` and queues its message, when the address belongs to
    /// someone enrolled in a program. Requests are limited like application starts (per address
    /// and per client, counted before anything else, whether or not the address is known, so
    /// the limit says nothing about who is in Cohort).
    public func requestLink(email: String, tokenHash: String, requester: ApplicationStore.Starter, limit: StartLimit,
                            lifetime: TimeInterval, now: Date,
                            message: @escaping @Sendable (Contact) -> OutgoingMessage) async throws -> LinkOutcome {
        try await db.write { sql in try StartAttemptSQL.record(requester, now: now, on: sql) }
        return try await db.write { sql in
            if case .refuse(let seconds, let reason) = try StartAttemptSQL.decide(requester, limit: limit, now: now, on: sql) {
                return .refused(retryAfterSeconds: seconds, reason: reason)
            }
            guard let contact = try Self.contact(email: email, on: sql) else { return .accepted }
            try sql.run("""
                INSERT INTO person_links (id, email, token_hash, created_at, expires_at) \
                VALUES (\(bind: UUID()), \(bind: contact.email), \(bind: tokenHash), \(bind: now), \(bind: now.addingTimeInterval(lifetime)))
                """)
            try OutboxStore.enqueue(message(contact), now: now, on: sql)
            return .accepted
        }
    }

    static func contact(email: String, on sql: any SyncSQL) throws -> Contact? {
        struct Row: Decodable { let email: String; let full_name: String; let language: String }
        guard let row = try sql.first("""
            SELECT p.email, p.full_name, p.language FROM people p \
            WHERE p.email = \(bind: email) AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id) \
            ORDER BY p.created_at DESC, p.id LIMIT 1
            """, decoding: Row.self) else { return nil }
        return Contact(email: row.email, name: row.full_name, language: Language(rawValue: row.language) ?? .english)
    }

    /// Uses a sign-in link and opens a session with `sessionTokenHash`, in one transaction. The
    /// link is spent by the same statement that finds it, so of two uses at once only one
    /// opens a session. Nil for a link that never was, was used, or has expired.
    public func signIn(linkTokenHash: String, sessionTokenHash: String, now: Date) async throws -> String? {
        try await db.write { sql in
            struct Row: Decodable { let email: String }
            guard let spent = try sql.first("""
                UPDATE person_links SET used_at = \(bind: now) \
                WHERE token_hash = \(bind: linkTokenHash) AND used_at IS NULL AND expires_at > \(bind: now) RETURNING email
                """, decoding: Row.self) else { return nil }
            try sql.run("""
                INSERT INTO person_sessions (id, email, token_hash, created_at, last_seen_at) \
                VALUES (\(bind: UUID()), \(bind: spent.email), \(bind: sessionTokenHash), \(bind: now), \(bind: now))
                """)
            return spent.email
        }
    }

    /// Whether a sign-in link would still open a session (read only: showing the page a link
    /// opens must not spend it, or a mail scanner following links would).
    public func linkIsLive(tokenHash: String, now: Date) async throws -> Bool {
        struct Row: Decodable { let n: Int }
        return try await db.read { sql in
            try sql.first("""
                SELECT COUNT(*) AS n FROM person_links WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL \
                AND expires_at > \(bind: now)
                """, decoding: Row.self)?.n ?? 0
        } > 0
    }

    public struct Session: Sendable {
        public let id: UUID
        public let email: String
        public let createdAt: Date
        public let lastSeenAt: Date
    }

    public func session(tokenHash: String) async throws -> Session? {
        struct Row: Decodable { let id: UUID; let email: String; let created_at: Date; let last_seen_at: Date }
        return try await db.read { sql in
            try sql.first("""
                SELECT id, email, created_at, last_seen_at FROM person_sessions WHERE token_hash = \(bind: tokenHash)
                """, decoding: Row.self).map { Session(id: $0.id, email: $0.email, createdAt: $0.created_at, lastSeenAt: $0.last_seen_at) }
        }
    }

    public func touch(sessionID: UUID, now: Date) async throws {
        try await db.write { sql in try sql.run("UPDATE person_sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: sessionID)") }
    }

    public func endSession(id: UUID) async throws {
        try await db.write { sql in try sql.run("DELETE FROM person_sessions WHERE id = \(bind: id)") }
    }

    /// Spent and expired links, and sessions past either timeout, so the tables do not grow without end.
    public func purge(now: Date, idleBefore: Date, createdBefore: Date) async throws {
        try await db.write { sql in
            try sql.run("DELETE FROM person_links WHERE expires_at < \(bind: now)")
            try sql.run("DELETE FROM person_sessions WHERE last_seen_at < \(bind: idleBefore) OR created_at < \(bind: createdBefore)")
        }
    }

    // MARK: Their programs

    /// One of the address's roles in a program.
    public struct Enrolled: Sendable {
        public let personID: UUID
        public let fullName: String
        /// As they want it printed; empty for their full name.
        public let certificateName: String
        public let role: EnrolmentRole
        public let language: Language
        public let programID: UUID
        public let programSlug: String
        public let programTitle: String
    }

    /// Every role the address holds, in programs by title, each program's roles together.
    public func enrolments(email: String) async throws -> [Enrolled] {
        struct Row: Decodable {
            let person_id: UUID; let full_name: String; let certificate_name: String; let role: String; let language: String
            let program_id: UUID
            let slug: String; let title: String
        }
        return try await db.read { sql in
            try sql.rows("""
                SELECT p.id AS person_id, p.full_name, p.certificate_name, e.role, p.language, g.id AS program_id, g.slug, g.title                 FROM people p JOIN enrolments e ON e.person_id = p.id JOIN programs g ON g.id = e.program_id                 WHERE p.email = \(bind: email) ORDER BY g.start_date DESC, g.title, e.role
                """).map { raw in
                let row = try raw.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
                return Enrolled(personID: row.person_id, fullName: row.full_name, certificateName: row.certificate_name,
                                role: try stored(row.role, table: "enrolments", column: "role"),
                                language: Language(rawValue: row.language) ?? .english, programID: row.program_id,
                                programSlug: row.slug, programTitle: row.title)
            }
        }
    }

    /// The name printed on the address's certificates, in every program (empty: their full name).
    public func setCertificateName(email: String, name: String) async throws {
        try await db.write { sql in
            try sql.run("UPDATE people SET certificate_name = \(bind: name) WHERE email = \(bind: email)")
        }
    }

    // MARK: Calendar feed

    /// The address's live feed, made on first asking. Its token is derived from the feed's id
    /// by the caller (a keyed hash), so the address can be shown again without keeping the token;
    /// only the token's hash is stored, for finding the feed.
    public func feed(email: String, now: Date, tokenHash: @escaping @Sendable (UUID) -> String) async throws -> UUID {
        if let live = try await db.read({ sql in try Self.liveFeed(email: email, on: sql) }) { return live }
        let id = UUID()
        let hash = tokenHash(id)
        return try await db.write { sql in
            if let live = try Self.liveFeed(email: email, on: sql) { return live }
            try sql.run("""
                INSERT INTO person_feeds (id, email, token_hash, created_at) VALUES (\(bind: id), \(bind: email), \(bind: hash), \(bind: now))
                """)
            return id
        }
    }

    private static func liveFeed(email: String, on sql: any SyncSQL) throws -> UUID? {
        struct Row: Decodable { let id: UUID }
        return try sql.first("SELECT id FROM person_feeds WHERE email = \(bind: email) AND revoked_at IS NULL", decoding: Row.self)?.id
    }

    /// Revokes the address's feed and makes a new one: the old address stops working at once.
    public func renewFeed(email: String, now: Date, tokenHash: @escaping @Sendable (UUID) -> String) async throws -> UUID {
        let id = UUID()
        let hash = tokenHash(id)
        try await db.write { sql in
            try sql.run("UPDATE person_feeds SET revoked_at = \(bind: now) WHERE email = \(bind: email) AND revoked_at IS NULL")
            try sql.run("""
                INSERT INTO person_feeds (id, email, token_hash, created_at) VALUES (\(bind: id), \(bind: email), \(bind: hash), \(bind: now))
                """)
        }
        return id
    }

    /// The address a live feed belongs to; nil for a revoked or unknown one.
    public func feedOwner(tokenHash: String) async throws -> String? {
        struct Row: Decodable { let email: String }
        return try await db.read { sql in
            try sql.first("SELECT email FROM person_feeds WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL",
                          decoding: Row.self)?.email
        }
    }
}
