import Vapor

/// A posted form that may carry files: its text fields, and its files by field name.
/// Plain forms (urlencoded) have no files; a section with a file question posts multipart.
struct FormSubmission: Sendable {
    struct UploadedPart: Sendable {
        let fileName: String
        let bytes: Data
    }

    let values: FormValues
    let files: [String: UploadedPart]
}

extension Request {
    /// The posted form, text and files. A malformed body answers 400 with a reason a person can act on.
    func formSubmission() throws -> FormSubmission {
        guard let type = headers.contentType, type.type == "multipart", type.subType == "form-data" else {
            return FormSubmission(values: try formValues(), files: [:])
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty, let body = body.data else {
            throw RequestProblem.formUnreadable
        }
        do {
            return try MultipartForm.parse(body, boundary: boundary)
        } catch {
            throw RequestProblem.formUnreadable
        }
    }
}

enum MultipartForm {
    static let maxFields = 500

    static func parse(_ body: ByteBuffer, boundary: String) throws -> FormSubmission {
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var bytes = ByteBuffer()
        var values: [String: String] = [:]
        var files: [String: FormSubmission.UploadedPart] = [:]
        var fields = 0
        var failure: (any Error)?
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in bytes.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer { headers = [:]; bytes.clear() }
            fields += 1
            guard fields <= maxFields, let disposition = headers["content-disposition"],
                  let name = parameter("name", in: disposition) else {
                failure = RequestProblem.formUnreadable
                return
            }
            if let fileName = parameter("filename", in: disposition) {
                // A file input left empty still sends a part with no name and no content.
                if !fileName.isEmpty || bytes.readableBytes > 0 {
                    files[name] = .init(fileName: fileName, bytes: Data(bytes.readableBytesView))
                }
            } else {
                values[name] = String(decoding: bytes.readableBytesView, as: UTF8.self)
            }
        }
        try parser.execute(body)
        if let failure { throw failure }
        return FormSubmission(values: FormValues(values: values), files: files)
    }

    /// A parameter of a Content-Disposition header: `form-data; name="cv"; filename="cv.pdf"`.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
