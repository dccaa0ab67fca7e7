import Foundation

/// The kinds of file a question can accept, recognised by their first bytes rather than
/// by their name: a renamed program is refused, a PDF called "cv.txt" is still a PDF.
public enum FileKind: String, CaseIterable, Codable, Sendable {
    case pdf, docx, odt, jpeg, png

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "Word (.docx)"
        case .odt: "OpenDocument text (.odt)"
        case .jpeg: "JPEG image"
        case .png: "PNG image"
        }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    /// The kind the content is, or nil when it is none of the accepted kinds.
    public static func sniff(_ bytes: [UInt8]) -> FileKind? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // Both are zip archives: an OpenDocument file names its type in its first entry,
            // a Word file carries a "word/" folder.
            let head = Array(bytes.prefix(4096))
            if contains(head, Array("application/vnd.oasis.opendocument.text".utf8)) { return .odt }
            if contains(bytes, Array("word/".utf8)) && contains(bytes, Array("[Content_Types].xml".utf8)) { return .docx }
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && Array(haystack[index..<(index + needle.count)]) == needle { return true }
            index += 1
        }
        return false
    }
}

/// Why an uploaded file is refused.
public enum FileProblem: Hashable, Sendable {
    case empty
    case tooLarge(maxBytes: Int)
    case kindNotAccepted(accepted: [FileKind])
    case notAFileQuestion
}

public enum FileCheck {
    /// The size limit when a question sets none. Files are kept in the database, so it stays modest.
    public static let defaultMaxBytes = 5 * 1024 * 1024
    /// No question may accept more than this, whatever its setting.
    public static let absoluteMaxBytes = 20 * 1024 * 1024

    public static func maxBytes(for question: Question) -> Int {
        min(question.maxFileBytes ?? defaultMaxBytes, absoluteMaxBytes)
    }

    /// The kinds a question accepts; none listed means documents and images alike.
    public static func acceptedKinds(for question: Question) -> [FileKind] {
        let listed = question.fileTypes.compactMap { FileKind(rawValue: $0.lowercased()) }
        return listed.isEmpty ? FileKind.allCases : listed
    }

    /// The kind of an upload for a question, or why it is refused.
    public static func check(_ bytes: [UInt8], for question: Question) -> Result<FileKind, FileProblemError> {
        guard question.type == .file else { return .failure(.init(problem: .notAFileQuestion)) }
        return check(bytes, accepting: acceptedKinds(for: question), maxBytes: maxBytes(for: question))
    }

    /// The kind of an upload that may be any of `accepted` up to `limit` bytes, or why it is refused.
    public static func check(_ bytes: [UInt8], accepting accepted: [FileKind], maxBytes limit: Int) -> Result<FileKind, FileProblemError> {
        guard !bytes.isEmpty else { return .failure(.init(problem: .empty)) }
        guard bytes.count <= limit else { return .failure(.init(problem: .tooLarge(maxBytes: limit))) }
        guard let kind = FileKind.sniff(bytes), accepted.contains(kind) else {
            return .failure(.init(problem: .kindNotAccepted(accepted: accepted)))
        }
        return .success(kind)
    }

    /// A file name safe to hand back in a Content-Disposition header: the name's letters,
    /// digits, dots, dashes and underscores, with the extension of the kind it really is.
    public static func safeName(_ name: String, kind: FileKind) -> String {
        let base = (name as NSString).deletingPathExtension
        let kept = String(base.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_".unicodeScalars.contains($0) }
            .map(Character.init)).prefix(60)
        return "\(kept.isEmpty ? "file" : String(kept)).\(kind.fileExtension)"
    }
}

public struct FileProblemError: Error, Hashable, Sendable {
    public let problem: FileProblem

    public init(problem: FileProblem) { self.problem = problem }
}

/// An uploaded file's details, without its bytes.
public struct UploadedFile: Hashable, Sendable {
    public let id: UUID
    public let applicationID: UUID
    public let questionKey: String
    public let fileName: String
    public let kind: FileKind
    public let byteSize: Int
    public let createdAt: Date

    public init(id: UUID, applicationID: UUID, questionKey: String, fileName: String, kind: FileKind, byteSize: Int, createdAt: Date) {
        self.id = id
        self.applicationID = applicationID
        self.questionKey = questionKey
        self.fileName = fileName
        self.kind = kind
        self.byteSize = byteSize
        self.createdAt = createdAt
    }

    /// "cv.pdf (120 KB)"
    public var summary: String {
        let size = byteSize >= 1024 * 1024 ? String(format: "%.1f MB", Double(byteSize) / 1_048_576) : "\(max(1, byteSize / 1024)) KB"
        return "\(fileName) (\(size))"
    }
}
