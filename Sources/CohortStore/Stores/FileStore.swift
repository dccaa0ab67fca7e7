import CohortCore
import Foundation
import SQLKit

/// Files applicants upload for file questions, kept in the database with the application.
/// Uploading for a question again replaces the earlier file, in the same transaction as the
/// answer that names it, so an answer never points at a file that is not there.
public struct FileStore: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    /// Stores the file and makes it the answer to its question. Returns the file and the application as saved.
    public func attach(applicationID: UUID, questionKey: String, fileName: String, kind: FileKind, bytes: Data,
                       now: Date) async throws -> (file: UploadedFile, application: CallApplication) {
        let new = ApplicationStore.NewFile(questionKey: questionKey, fileName: fileName, kind: kind, bytes: bytes)
        return try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: applicationID, on: sql) else { throw DomainError.notFound("application") }
            let file = try Self.insert(new, applicationID: applicationID, now: now, on: sql)
            var answers = try row.decodedAnswers()
            answers[questionKey] = .text(file.id.uuidString)
            let application = try ApplicationSQL.writeAnswers(answers, to: row, language: nil, now: now, on: sql)
            return (file, application)
        }
    }

    /// Replaces the question's file, inside the caller's transaction.
    static func insert(_ new: ApplicationStore.NewFile, applicationID: UUID, now: Date, on sql: any SyncSQL) throws -> UploadedFile {
        try sql.run("""
            DELETE FROM application_files WHERE application_id = \(bind: applicationID) AND question_key = \(bind: new.questionKey)
            """)
        let file = UploadedFile(id: UUID(), applicationID: applicationID, questionKey: new.questionKey, fileName: new.fileName,
                                kind: new.kind, byteSize: new.bytes.count, createdAt: now)
        try sql.run("""
            INSERT INTO application_files (id, application_id, question_key, file_name, kind, byte_size, data, created_at) \
            VALUES (\(bind: file.id), \(bind: applicationID), \(bind: new.questionKey), \(bind: new.fileName), \(bind: new.kind.rawValue), \
            \(bind: new.bytes.count), \(bind: new.bytes), \(bind: now))
            """)
        return file
    }

    /// The files of an application, without their bytes.
    public func files(applicationID: UUID) async throws -> [UploadedFile] {
        try await db.read { sql in
            try sql.rows("""
                SELECT id, application_id, question_key, file_name, kind, byte_size, created_at FROM application_files \
                WHERE application_id = \(bind: applicationID) ORDER BY created_at
                """).map(Self.file)
        }
    }

    /// One file with its bytes, if it belongs to the application.
    public func file(_ id: UUID, applicationID: UUID) async throws -> (file: UploadedFile, bytes: Data)? {
        try await db.read { sql in
            guard let row = try sql.rows("""
                SELECT id, application_id, question_key, file_name, kind, byte_size, created_at, data FROM application_files \
                WHERE id = \(bind: id) AND application_id = \(bind: applicationID)
                """).first else { return nil }
            return (try Self.file(row), try row.decode(column: "data", as: Data.self))
        }
    }

    /// The one reading of an `application_files` row (without its bytes).
    static func file(_ row: any SQLRow) throws -> UploadedFile {
        UploadedFile(id: try row.decode(column: "id", as: UUID.self), applicationID: try row.decode(column: "application_id", as: UUID.self),
                     questionKey: try row.decode(column: "question_key", as: String.self),
                     fileName: try row.decode(column: "file_name", as: String.self),
                     kind: try stored(try row.decode(column: "kind", as: String.self), table: "application_files", column: "kind"),
                     byteSize: try row.decode(column: "byte_size", as: Int.self), createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
