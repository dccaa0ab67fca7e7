import CohortCore
import FluentKit
import Foundation

final class ApplicationRecord: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "email") var email: String
    @Field(key: "language") var language: String
    @Field(key: "form_version") var formVersion: Int
    @Field(key: "answers") var answers: String
    @Field(key: "status") var status: String
    @OptionalField(key: "reference") var reference: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "full_name") var fullName: String
    @Field(key: "nationality") var nationality: String
    @Field(key: "residence") var residence: String
    @Field(key: "sector") var sector: String
    @Field(key: "gender") var gender: String
    @Field(key: "search_text") var searchText: String
    @Field(key: "is_eligible") var isEligible: Bool
    @Field(key: "ineligibility_reasons") var ineligibilityReasons: String
    @OptionalField(key: "eligibility_override") var eligibilityOverride: Bool?
    @OptionalField(key: "eligibility_note") var eligibilityNote: String?
    @OptionalField(key: "eligibility_override_by") var eligibilityOverrideBy: UUID?
    @OptionalField(key: "eligibility_override_at") var eligibilityOverrideAt: Date?
    /// The `Idempotency-Key` the submission came with, if any.
    @OptionalField(key: "submit_key") var submitKey: String?

    init() {}

    /// Stores the answers and the facts read from them.
    func setAnswers(_ answers: [String: Answer], rules: EligibilityRules) throws {
        self.answers = AnswersJSON.encode(answers)
        let facts = try StoredFacts(answers: answers, rules: rules, email: email, reference: reference, override: eligibilityOverride)
        fullName = facts.fullName
        nationality = facts.nationality
        residence = facts.residence
        sector = facts.sector
        gender = facts.gender
        searchText = facts.searchText
        isEligible = facts.isEligible
        ineligibilityReasons = facts.ineligibilityReasons
    }

    func value() throws -> CallApplication {
        CallApplication(id: try requireID(), callID: callID, email: email, language: try stored(language, table: Self.schema, column: "language"),
                    formVersion: formVersion, answers: try AnswersJSON.decode(answers),
                    status: try stored(status, table: Self.schema, column: "status"), reference: reference, submittedAt: submittedAt,
                    createdAt: createdAt, updatedAt: updatedAt)
    }
}

final class ApplicationTokenRecord: Model, @unchecked Sendable {
    static let schema = "application_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(applicationID: UUID, tokenHash: String, now: Date) {
        self.applicationID = applicationID
        self.tokenHash = tokenHash
        self.createdAt = now
    }
}

/// Who exported which applications, when, and whether with identities.
final class ExportRecord: Model, @unchecked Sendable {
    static let schema = "export_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "call_id") var callID: UUID
    @Field(key: "filter") var filter: String
    @Field(key: "with_identities") var withIdentities: Bool
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An uploaded file, kept in the database with its application.
final class ApplicationFileRecord: Model, @unchecked Sendable {
    static let schema = "application_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "question_key") var questionKey: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "byte_size") var byteSize: Int
    @Field(key: "data") var data: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func value() throws -> UploadedFile {
        UploadedFile(id: try requireID(), applicationID: applicationID, questionKey: questionKey, fileName: fileName,
                     kind: try stored(kind, table: Self.schema, column: "kind"), byteSize: byteSize, createdAt: createdAt)
    }
}

/// The columns read from an application's answers, worked out in one place for every writer
/// (the model, and the plain-SQL insert and save).
struct StoredFacts: Equatable {
    let fullName: String
    let nationality: String
    let residence: String
    let sector: String
    let gender: String
    let searchText: String
    let isEligible: Bool
    /// JSON list of reasons, kept even when a manager's override makes the application eligible.
    let ineligibilityReasons: String

    init(answers: [String: Answer], rules: EligibilityRules, email: String, reference: String?, override: Bool?) throws {
        let facts = ApplicationFacts(answers: answers, rules: rules)
        fullName = facts.fullName
        nationality = facts.nationality
        residence = facts.residence
        sector = facts.sector
        gender = facts.gender
        searchText = ApplicationFacts.searchText(name: facts.fullName, email: email, reference: reference)
        // A manager's override stands until the manager lifts it.
        isEligible = override ?? facts.isEligible
        ineligibilityReasons = try JSONText.encode(facts.ineligibilityReasons.map(\.description))
    }

    init(fullName: String, nationality: String, residence: String, sector: String, gender: String, searchText: String,
         isEligible: Bool, ineligibilityReasons: String) {
        self.fullName = fullName
        self.nationality = nationality
        self.residence = residence
        self.sector = sector
        self.gender = gender
        self.searchText = searchText
        self.isEligible = isEligible
        self.ineligibilityReasons = ineligibilityReasons
    }
}
