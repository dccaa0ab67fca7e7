import CohortCore
import Foundation
import SQLKit

/// Sessions' materials: added and taken away by the agenda's managers, listed with the
/// sessions, and a file handed back with what deciding who may have it needs.
public struct SessionMaterialStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Adds a material to a session of the module; "not found" for a session of another module.
    @discardableResult
    public func add(_ material: MaterialForm.Valid, sessionID: UUID, moduleID: UUID, by accountID: UUID?, now: Date) async throws -> UUID {
        try await db.write { sql in
            struct Found: Decodable { let id: UUID }
            guard try sql.first("SELECT id FROM agenda_sessions WHERE id = \(bind: sessionID) AND module_id = \(bind: moduleID)",
                                decoding: Found.self) != nil else { throw DomainError.notFound("session") }
            let id = try Self.insert(material, sessionID: sessionID, by: accountID, now: now, on: sql)
            // Public agenda pages are kept until the content changes.
            try ContentVersionStore.bump(on: sql)
            return id
        }
    }

    static func insert(_ material: MaterialForm.Valid, sessionID: UUID, by accountID: UUID?, now: Date, on sql: any SyncSQL) throws -> UUID {
        let id = UUID()
        switch material {
        case .link(let title, let url):
            try sql.run("""
                INSERT INTO session_materials (id, session_id, title, url, created_by, created_at) \
                VALUES (\(bind: id), \(bind: sessionID), \(bind: title), \(bind: url.absoluteString), \(bind: accountID), \(bind: now))
                """)
        case .file(let title, let name, let kind, let bytes):
            try sql.run("""
                INSERT INTO session_materials (id, session_id, title, file_name, kind, byte_size, data, created_by, created_at) \
                VALUES (\(bind: id), \(bind: sessionID), \(bind: title), \(bind: name), \(bind: kind.rawValue), \(bind: bytes.count), \
                \(bind: bytes), \(bind: accountID), \(bind: now))
                """)
        }
        return id
    }

    /// Takes a material off its session; "not found" when it is not that session's.
    public func remove(id: UUID, sessionID: UUID) async throws {
        try await db.write { sql in
            struct Found: Decodable { let id: UUID }
            guard try sql.first("SELECT id FROM session_materials WHERE id = \(bind: id) AND session_id = \(bind: sessionID)",
                                decoding: Found.self) != nil else { throw DomainError.notFound("material") }
            try sql.run("DELETE FROM session_materials WHERE id = \(bind: id)")
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// Every material of a module's sessions, by session, oldest first (without files' bytes).
    public func materials(moduleID: UUID) async throws -> [UUID: [SessionMaterial]] {
        try await db.read { sql in try Self.materials(where: "s.module_id = \(bind: moduleID)", on: sql) }
    }

    /// One file with its bytes and its session's program and module, so the caller can decide
    /// whether the reader may see the session.
    public func file(id: UUID) async throws -> (material: SessionMaterial, bytes: Data, programID: UUID, moduleID: UUID)? {
        try await db.read { sql in
            guard let row = try sql.rows("""
                SELECT x.id, x.session_id, x.title, x.url, x.file_name, x.kind, x.byte_size, x.created_at, x.data, m.program_id, \
                s.module_id FROM session_materials x JOIN agenda_sessions s ON s.id = x.session_id \
                JOIN program_modules m ON m.id = s.module_id WHERE x.id = \(bind: id) AND x.data IS NOT NULL
                """).first else { return nil }
            return (try Self.material(row), try row.decode(column: "data", as: Data.self), try row.decode(column: "program_id", as: UUID.self),
                    try row.decode(column: "module_id", as: UUID.self))
        }
    }

    static func materials(where filter: SQLQueryString, on sql: any SyncSQL) throws -> [UUID: [SessionMaterial]] {
        var found: [UUID: [SessionMaterial]] = [:]
        for row in try sql.rows("""
            SELECT x.id, x.session_id, x.title, x.url, x.file_name, x.kind, x.byte_size, x.created_at FROM session_materials x \
            JOIN agenda_sessions s ON s.id = x.session_id JOIN program_modules m ON m.id = s.module_id \
            WHERE \(filter) ORDER BY x.created_at, x.id
            """) {
            let material = try material(row)
            found[material.sessionID, default: []].append(material)
        }
        return found
    }

    private static func material(_ row: any SQLRow) throws -> SessionMaterial {
        struct Row: Decodable {
            let id: UUID; let session_id: UUID; let title: String; let url: String?; let file_name: String?; let kind: String?
            let byte_size: Int?; let created_at: Date
        }
        let decoded = try row.decode(model: Row.self, keyDecodingStrategy: .useDefaultKeys)
        let content: SessionMaterial.Content
        if let url = decoded.url {
            guard let address = MaterialForm.webAddress(url) else { throw StoreError.corrupt(table: "session_materials", column: "url") }
            content = .link(address)
        } else if let name = decoded.file_name, let size = decoded.byte_size, let kind = decoded.kind {
            content = .file(name: name, kind: try stored(kind, table: "session_materials", column: "kind"), byteSize: size)
        } else {
            throw StoreError.corrupt(table: "session_materials", column: "url")
        }
        return SessionMaterial(id: decoded.id, sessionID: decoded.session_id, title: decoded.title, content: content, createdAt: decoded.created_at)
    }
}
