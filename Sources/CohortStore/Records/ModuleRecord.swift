import CohortCore
import FluentKit
import Foundation

final class ModuleRecord: Model, @unchecked Sendable {
    static let schema = "program_modules"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "city") var city: String
    @OptionalField(key: "country") var country: String?
    @Field(key: "format") var format: String
    @Field(key: "is_illustrative") var isIllustrative: Bool

    init() {}

    init(_ module: ProgramModule) {
        id = module.id
        apply(module)
    }

    func apply(_ module: ProgramModule) {
        programID = module.programID
        number = module.number
        title = module.title
        startDate = module.startDate.iso
        endDate = module.endDate.iso
        city = module.city
        country = module.country?.code
        format = module.format.rawValue
        isIllustrative = module.isIllustrative
    }

    func value() throws -> ProgramModule {
        guard let start = CalendarDate(iso: startDate), let end = CalendarDate(iso: endDate) else {
            throw StoreError.corrupt(table: Self.schema, column: "start_date or end_date")
        }
        return ProgramModule(id: try requireID(), programID: programID, number: number, title: title,
                             startDate: start, endDate: end, city: city, country: country.flatMap(Country.init(code:)),
                             format: try stored(format, table: Self.schema, column: "format"), isIllustrative: isIllustrative)
    }
}
