import CohortCore
import FluentKit
import Foundation

/// A call. Texts in several languages and the eligibility rules are stored as JSON.
final class CallRecord: Model, @unchecked Sendable {
    static let schema = "calls"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "grace_minutes") var graceMinutes: Int
    @Field(key: "languages") var languages: String
    @OptionalField(key: "target_cohort_size") var targetCohortSize: Int?
    @Field(key: "privacy_notice") var privacyNotice: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "is_published") var isPublished: Bool
    @Field(key: "allows_editing_after_submit") var allowsEditingAfterSubmit: Bool
    @Field(key: "reference_prefix") var referencePrefix: String
    @Field(key: "last_reference_number") var lastReferenceNumber: Int
    @Field(key: "eligibility") var eligibility: String
    @Field(key: "form_version") var formVersion: Int
    @Field(key: "facet_version") var facetVersion: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ call: Call, eligibility: EligibilityRules, formVersion: Int) throws {
        id = call.id
        lastReferenceNumber = 0
        facetVersion = 0
        try apply(call, eligibility: eligibility, formVersion: formVersion)
    }

    func apply(_ call: Call, eligibility rules: EligibilityRules, formVersion version: Int) throws {
        programID = call.programID
        title = try JSONText.encode(call.title)
        description = try JSONText.encode(call.description)
        opensAt = call.opensAt
        closesAt = call.closesAt
        timeZone = call.timeZone
        graceMinutes = call.graceMinutes
        languages = call.languages.map(\.rawValue).joined(separator: ",")
        targetCohortSize = call.targetCohortSize
        privacyNotice = try JSONText.encode(call.privacyNotice)
        contactEmail = call.contactEmail
        isPublished = call.isPublished
        allowsEditingAfterSubmit = call.allowsEditingAfterSubmit
        referencePrefix = call.referencePrefix
        eligibility = try JSONText.encode(rules)
        formVersion = version
    }

    func value() throws -> Call {
        Call(id: try requireID(), programID: programID, title: try JSONText.decode(LocalizedText.self, title),
             description: try JSONText.decode(LocalizedText.self, description), opensAt: opensAt, closesAt: closesAt,
             timeZone: timeZone, graceMinutes: graceMinutes,
             languages: languages.split(separator: ",").compactMap { Language(rawValue: String($0)) },
             targetCohortSize: targetCohortSize, privacyNotice: try JSONText.decode(LocalizedText.self, privacyNotice),
             contactEmail: contactEmail, isPublished: isPublished, allowsEditingAfterSubmit: allowsEditingAfterSubmit,
             referencePrefix: referencePrefix)
    }

    func rules() throws -> EligibilityRules { try JSONText.decode(EligibilityRules.self, eligibility) }
}

final class CallFormRecord: Model, @unchecked Sendable {
    static let schema = "call_forms"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "definition") var definition: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(callID: UUID, form: FormDefinition) throws {
        self.callID = callID
        self.version = form.version
        self.definition = try JSONText.encode(form)
    }

    func value() throws -> FormDefinition { try JSONText.decode(FormDefinition.self, definition) }
}

/// JSON kept in a text column: portable across SQLite and PostgreSQL, and never queried into.
enum JSONText {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
