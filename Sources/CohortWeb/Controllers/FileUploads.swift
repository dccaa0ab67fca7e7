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
        download(name: file.fileName, kind: file.kind, bytes: bytes)
    }

    /// `name` must already be safe for the header (`FileCheck.safeName`).
    static func download(name: String, kind: FileKind, bytes: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: kind.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}

extension Response {
    /// A CSV download: UTF-8, an attachment named `filename`, never kept by a cache.
    static func csv(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
