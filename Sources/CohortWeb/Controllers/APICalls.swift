import CohortCore
import CohortStore
import Foundation
import Vapor

/// Wire formats of the calls and applications API.
enum APICalls {
    struct List: Encodable { let calls: [Summary] }

    struct Summary: Encodable {
        let id: UUID
        let programSlug: String
        let title: [String: String]
        let opensAt: Date
        let closesAt: Date
        let timeZone: String
        let languages: [String]

        init(_ call: Call, programSlug: String) {
            id = call.id
            self.programSlug = programSlug
            title = Self.texts(call.title)
            opensAt = call.opensAt
            closesAt = call.closesAt
            timeZone = call.timeZone
            languages = call.languages.map(\.rawValue)
        }

        static func texts(_ text: LocalizedText) -> [String: String] {
            Dictionary(uniqueKeysWithValues: text.values.map { ($0.key.rawValue, $0.value) })
        }
    }

    struct Detail: Encodable {
        struct Option: Encodable { let value: String; let labels: [String: String] }
        struct QuestionBody: Encodable {
            let key: String
            let type: String
            let required: Bool
            let labels: [String: String]
            let help: [String: String]
            let options: [Option]
            let wordLimit: Int?
            let minimum: Double?
            let maximum: Double?
            /// File questions: the kinds accepted and the largest size in bytes.
            let fileTypes: [String]?
            let maxFileBytes: Int?
        }
        struct Section: Encodable { let key: String; let titles: [String: String]; let questions: [QuestionBody] }

        let call: Summary
        let acceptsSubmissions: Bool
        let formVersion: Int
        let sections: [Section]

        init(_ loaded: CallStore.Loaded, programSlug: String, now: Date) {
            call = Summary(loaded.call, programSlug: programSlug)
            acceptsSubmissions = loaded.call.acceptsSubmission(at: now)
            formVersion = loaded.form.version
            sections = loaded.form.sections.map { section in
                Section(key: section.key, titles: Summary.texts(section.title), questions: section.questions.map {
                    QuestionBody(key: $0.key, type: $0.type.rawValue, required: $0.required, labels: Summary.texts($0.label),
                                 help: Summary.texts($0.help),
                                 options: $0.options.map { Option(value: $0.value, labels: Summary.texts($0.label)) }, wordLimit: $0.wordLimit,
                                 minimum: $0.minimum, maximum: $0.maximum,
                                 fileTypes: $0.type == .file ? FileCheck.acceptedKinds(for: $0).map(\.rawValue) : nil,
                                 maxFileBytes: $0.type == .file ? FileCheck.maxBytes(for: $0) : nil)
                })
            }
        }
    }

    struct StartRequest: Decodable {
        let email: String
        let language: String?
    }

    struct Started: Encodable {
        let linkSentByEmail: Bool
    }

    struct SaveRequest: Decodable {
        let answers: [String: Answer]
    }

    struct ApplicationBody: Encodable {
        struct FieldProblem: Encodable { let field: String; let message: String }
        let id: UUID
        let status: String
        let language: String
        let formVersion: Int
        let reference: String?
        let submittedAt: Date?
        let answers: [String: Answer]
        let errors: [FieldProblem]

        init(_ application: CallApplication, problems: [String: String]) {
            id = application.id
            // Staff's working statuses are not the applicant's to read before decisions are sent.
            status = application.status.isSubmitted ? ApplicationStatus.submitted.rawValue : application.status.rawValue
            language = application.language.rawValue
            formVersion = application.formVersion
            reference = application.reference
            submittedAt = application.submittedAt
            answers = application.answers
            errors = problems.sorted { $0.key < $1.key }.map { FieldProblem(field: $0.key, message: $0.value) }
        }
    }

    struct FileBody: Encodable {
        let id: UUID
        let question: String
        let fileName: String
        let kind: String
        let size: Int

        init(_ file: UploadedFile) {
            id = file.id
            question = file.questionKey
            fileName = file.fileName
            kind = file.kind.rawValue
            size = file.byteSize
        }
    }

    struct Submitted: Encodable {
        let reference: String
        let submittedAt: Date
    }

    /// The API's one error shape (the error middleware writes the same, without `errors`):
    /// a sentence for a person, and the fields to correct with a message each.
    /// The one shape of every error the JSON API answers: `{error, reason, requestId, fields?}`,
    /// `fields` for answers refused field by field (422).
    struct Errors: Encodable {
        struct Item: Encodable { let field: String; let message: String }
        let error = true
        let reason: String
        let requestId: String
        let fields: [Item]?

        init(request: Request, fields: [Item], reason: String? = nil) {
            self.fields = fields
            self.reason = reason ?? (fields.count == 1 ? fields[0].message : "Some fields need correcting: see fields.")
            self.requestId = request.id
        }

        init(request: Request, reason: String) {
            self.fields = nil
            self.reason = reason
            self.requestId = request.id
        }
    }
}
