import CohortCore
import FluentKit
import Foundation

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
            try await ApplicationFileRecord.query(on: tx).filter(\.$applicationID == applicationID)
                .filter(\.$questionKey == questionKey).delete()
            let record = ApplicationFileRecord()
            record.id = UUID()
            record.applicationID = applicationID
            record.questionKey = questionKey
            record.fileName = fileName
            record.kind = kind.rawValue
            record.byteSize = bytes.count
            record.data = bytes
            record.createdAt = now
            try await record.create(on: tx)
            var answers = try JSONText.decode([String: Answer].self, row.answers)
            answers[questionKey] = .text(record.id!.uuidString)
            let application = try await ApplicationSQL.writeAnswers(answers, to: row, language: nil, now: now, on: tx)
            return (try record.value(), application)
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
