import CohortCore
import FluentKit
import Foundation

final class ProgramRecord: Model, @unchecked Sendable {
    static let schema = "programs"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "theme") var theme: String
    @Field(key: "host_country") var hostCountry: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "summary") var summary: String
    @Field(key: "description") var description: String
    @Field(key: "status") var status: String
    @OptionalField(key: "lead_organisation_id") var leadOrganisationID: UUID?
    @Field(key: "is_sample") var isSample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ program: Program) {
        id = program.id
        apply(program)
    }

    func apply(_ program: Program) {
        slug = program.slug
        title = program.title
        theme = program.theme
        hostCountry = program.hostCountry.code
        startDate = program.startDate.iso
        endDate = program.endDate.iso
        summary = program.summary
        description = program.description
        status = program.status.rawValue
        leadOrganisationID = program.leadOrganisationID
        isSample = program.isSample
    }

    func value() throws -> Program {
        guard let host = Country(code: hostCountry), let start = CalendarDate(iso: startDate),
              let end = CalendarDate(iso: endDate), let status = ProgramStatus(rawValue: status) else {
            throw StoreError.corrupt(table: Self.schema, column: "host_country, start_date, end_date or status")
        }
        return Program(id: try requireID(), slug: slug, title: title, theme: theme, hostCountry: host,
                       startDate: start, endDate: end, summary: summary, description: description,
                       status: status, leadOrganisationID: leadOrganisationID, isSample: isSample)
    }
}
