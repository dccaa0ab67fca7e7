import CohortCore
import FluentKit
import Foundation
import SQLKit

/// Files applicants upload for file questions, kept in the database with the application.
/// Uploading for a question again replaces the earlier file, in the same transaction as the
/// answer that names it, so an answer never points at a file that is not there.
public struct FileStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Stores the file and makes it the answer to its question. Returns the file and the application as saved.
    public func attach(applicationID: UUID, questionKey: String, fileName: String, kind: FileKind, bytes: Data,
                       now: Date) async throws -> (file: UploadedFile, application: CallApplication) {
        try await db.serializedTransaction { tx in
            guard let row = try await ApplicationSQL.row(id: applicationID, on: tx) else { throw DomainError.notFound("application") }
            let sql = try ApplicationSQL.sql(tx)
            try await sql.delete(from: ApplicationFileRecord.schema).where(SQLIdentifier("application_id"), .equal, SQLBind(applicationID))
                .where(SQLIdentifier("question_key"), .equal, SQLBind(questionKey)).run()
            let file = UploadedFile(id: UUID(), applicationID: applicationID, questionKey: questionKey, fileName: fileName, kind: kind,
                                    byteSize: bytes.count, createdAt: now)
            try await sql.insert(into: ApplicationFileRecord.schema)
                .columns("id", "application_id", "question_key", "file_name", "kind", "byte_size", "data", "created_at")
                .values(SQLBind(file.id), SQLBind(applicationID), SQLBind(questionKey), SQLBind(fileName), SQLBind(kind.rawValue),
                        SQLBind(bytes.count), SQLBind(bytes), SQLBind(now))
                .run()
            var answers = try JSONText.decode([String: Answer].self, row.answers)
            answers[questionKey] = .text(file.id.uuidString)
            let application = try await ApplicationSQL.writeAnswers(answers, to: row, language: nil, now: now, on: tx)
            return (file, application)
        }
    }

    /// The files of an application, without their bytes.
    public func files(applicationID: UUID) async throws -> [UploadedFile] {
        try await ApplicationFileRecord.query(on: db).filter(\.$applicationID == applicationID)
            .field(\.$id).field(\.$applicationID).field(\.$questionKey).field(\.$fileName).field(\.$kind).field(\.$byteSize)
            .field(\.$createdAt).sort(\.$createdAt).all().map { try $0.value() }
    }

    /// One file with its bytes, if it belongs to the application.
    public func file(_ id: UUID, applicationID: UUID) async throws -> (file: UploadedFile, bytes: Data)? {
        guard let record = try await ApplicationFileRecord.query(on: db).filter(\.$id == id)
            .filter(\.$applicationID == applicationID).first() else { return nil }
        return (try record.value(), record.data)
    }
}
