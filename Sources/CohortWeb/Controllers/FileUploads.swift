import CohortCore
import Vapor

/// Checking an upload against its question, and handing a stored file back.
enum FileUploads {
    struct Accepted {
        let kind: FileKind
        let name: String
    }

    static func accept(_ part: FormSubmission.UploadedPart, for question: Question) -> Result<Accepted, FileProblemError> {
        FileCheck.check(Array(part.bytes), for: question).map { kind in
            Accepted(kind: kind, name: FileCheck.safeName(part.fileName, kind: kind))
        }
    }

    /// The uploaded file a file question's answer names, if it exists.
    static func fileID(_ answer: Answer?, question: Question, files: [UUID: UploadedFile]) -> UUID? {
        guard question.type == .file, let id = UUID(uuidString: answer?.textValue ?? ""), files[id] != nil else { return nil }
        return id
    }

    /// Always an attachment with the type its content was recognised as, so a browser never
    /// renders an upload as a page of this site.
    static func download(_ file: UploadedFile, bytes: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.kind.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file.fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}
