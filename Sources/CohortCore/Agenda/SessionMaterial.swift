import Foundation

/// Something a session hands out: a link (slides online, a treaty's text) or a file kept in
/// Cohort (a handout, a case study). Readers see it with the session, when they may see the session.
public struct SessionMaterial: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case link(URL)
        case file(name: String, kind: FileKind, byteSize: Int)
    }

    public let id: UUID
    public let sessionID: UUID
    public let title: String
    public let content: Content
    public let createdAt: Date

    public init(id: UUID, sessionID: UUID, title: String, content: Content, createdAt: Date) {
        self.id = id
        self.sessionID = sessionID
        self.title = title
        self.content = content
        self.createdAt = createdAt
    }
}

/// The "add a material" form as typed: a title and either a link or a file.
public struct MaterialForm: Sendable, Equatable {
    public var title: String
    public var link: String

    /// Handouts are kept in the database, like applicants' files: up to 20 MB.
    public static let maxFileBytes = FileCheck.absoluteMaxBytes
    public static let maxTitleLength = 200
    public static let maxLinkLength = 2000

    public init(title: String? = nil, link: String? = nil) {
        self.title = title ?? ""
        self.link = link ?? ""
    }

    public enum Valid: Sendable, Equatable {
        case link(title: String, url: URL)
        case file(title: String, name: String, kind: FileKind, bytes: Data)
    }

    /// The material, or the problems field by field. `file` is the upload, if one was chosen.
    public func validated(file: (name: String, bytes: Data)?) throws -> Valid {
        var errors: [FieldError] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(FieldError("materialTitle", "Give the material a title, like “Slides” or “Case study”.")) }
        else if title.count > Self.maxTitleLength || title.contains(where: \.isNewline) {
            errors.append(FieldError("materialTitle", "Keep the title to one line of up to \(Self.maxTitleLength) characters."))
        }
        let link = link.trimmingCharacters(in: .whitespacesAndNewlines)
        let upload = file.flatMap { $0.bytes.isEmpty && $0.name.isEmpty ? nil : $0 }
        var result: Valid?
        switch (link.isEmpty, upload) {
        case (true, nil):
            errors.append(FieldError("materialLink", "Give a link, or choose a file below."))
        case (false, _?):
            errors.append(FieldError("materialLink", "Give a link or a file, not both: leave the link empty to upload the file."))
        case (false, nil):
            if let url = Self.webAddress(link) { result = .link(title: title, url: url) }
            else { errors.append(FieldError("materialLink", "Give a web address that starts with https:// or http://, like https://www.ohchr.org.")) }
        case (true, let upload?):
            switch FileCheck.check(Array(upload.bytes), accepting: FileKind.allCases, maxBytes: Self.maxFileBytes) {
            case .success(let kind): result = .file(title: title, name: FileCheck.safeName(upload.name, kind: kind), kind: kind, bytes: upload.bytes)
            case .failure(let refusal): errors.append(FieldError("materialFile", Self.message(refusal.problem)))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        guard let result else { throw ValidationFailure([FieldError("materialLink", "Give a link, or choose a file below.")]) }
        return result
    }

    /// An address a browser opens as a web page: http or https, a host, no user name or
    /// password in it (a common disguise), no spaces, and not too long.
    public static func webAddress(_ text: String) -> URL? {
        guard text.count <= maxLinkLength, !text.contains(where: { $0.isWhitespace || $0.isNewline }),
              let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil, let url = components.url else { return nil }
        return url
    }

    static func message(_ problem: FileProblem) -> String {
        switch problem {
        case .empty: "The file is empty. Choose the file again."
        case .tooLarge(let limit): "The file is larger than \(limit / 1024 / 1024) MB. Make it smaller, or give a link to it instead."
        case .kindNotAccepted: "Upload a PDF, Word (.docx), OpenDocument (.odt), JPEG or PNG file, or give a link instead."
        case .notAFileQuestion: "Choose a file."
        }
    }
}
