import CohortCore
import FluentKit
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
        try await db.write { sql in
            guard let row = try ApplicationSQL.row(id: applicationID, on: sql) else { throw DomainError.notFound("application") }
            try sql.run("""
                DELETE FROM application_files WHERE application_id = \(bind: applicationID) AND question_key = \(bind: questionKey)
                """)
            let file = UploadedFile(id: UUID(), applicationID: applicationID, questionKey: questionKey, fileName: fileName, kind: kind,
                                    byteSize: bytes.count, createdAt: now)
            try sql.run("""
                INSERT INTO application_files (id, application_id, question_key, file_name, kind, byte_size, data, created_at) \
                VALUES (\(bind: file.id), \(bind: applicationID), \(bind: questionKey), \(bind: fileName), \(bind: kind.rawValue), \
                \(bind: bytes.count), \(bind: bytes), \(bind: now))
                """)
            var answers = try AnswersJSON.decode(row.answers)
            answers[questionKey] = .text(file.id.uuidString)
            let application = try ApplicationSQL.writeAnswers(answers, to: row, language: nil, now: now, on: sql)
            return (file, application)
        }
    }

    /// The files of an application, without their bytes.
    public func files(applicationID: UUID) async throws -> [UploadedFile] {
        try await ApplicationFileRecord.query(on: db.fluent).filter(\.$applicationID == applicationID)
            .field(\.$id).field(\.$applicationID).field(\.$questionKey).field(\.$fileName).field(\.$kind).field(\.$byteSize)
            .field(\.$createdAt).sort(\.$createdAt).all().map { try $0.value() }
    }

    /// One file with its bytes, if it belongs to the application.
    public func file(_ id: UUID, applicationID: UUID) async throws -> (file: UploadedFile, bytes: Data)? {
        guard let record = try await ApplicationFileRecord.query(on: db.fluent).filter(\.$id == id)
            .filter(\.$applicationID == applicationID).first() else { return nil }
        return (try record.value(), record.data)
    }
}
