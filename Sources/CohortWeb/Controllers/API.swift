import CohortCore
import Vapor

/// Wire formats of the JSON API.
enum API {
    struct ProgramList: Encodable {
        let programs: [ProgramSummary]
    }

    struct ProgramSummary: Encodable {
        let slug: String
        let title: String
        let status: String
        let startDate: String
        let endDate: String
        let hostCountry: String

        init(_ program: Program) {
            slug = program.slug
            title = program.title
            status = program.status.rawValue
            startDate = program.startDate.iso
            endDate = program.endDate.iso
            hostCountry = program.hostCountry.code
        }
    }

    struct ProgramResponse: Encodable {
        struct Partner: Encodable {
            let name: String
            let role: String
            let description: String?
        }

        struct Module: Encodable {
            let number: Int
            let title: String
            let startDate: String
            let endDate: String
            let city: String?
            let country: String?
            let format: String
        }

        struct CountryEntry: Encodable {
            let code: String
            let name: String
            let role: String
        }

        let slug: String
        let title: String
        let theme: String
        let status: String
        let startDate: String
        let endDate: String
        let hostCountry: String
        let summary: String
        let partners: [Partner]
        let modules: [Module]
        let countries: [CountryEntry]

        init(_ detail: ProgramDetail) {
            let program = detail.program
            slug = program.slug
            title = program.title
            theme = program.theme
            status = program.status.rawValue
            startDate = program.startDate.iso
            endDate = program.endDate.iso
            hostCountry = program.hostCountry.code
            summary = program.summary
            partners = detail.partnerships.map {
                Partner(name: $0.organisation.name, role: $0.role.rawValue, description: $0.description.isEmpty ? nil : $0.description)
            }
            modules = detail.modules.map {
                Module(number: $0.number, title: $0.title, startDate: $0.startDate.iso, endDate: $0.endDate.iso,
                       city: $0.city.isEmpty ? nil : $0.city, country: $0.country?.code, format: $0.format.rawValue)
            }
            countries = detail.countries.sorted { $0.country.code < $1.country.code }.map {
                CountryEntry(code: $0.country.code, name: $0.name, role: $0.role.rawValue)
            }
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}
