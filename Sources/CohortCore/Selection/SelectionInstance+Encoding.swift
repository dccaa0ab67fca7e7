import Foundation

/// Writing an instance in the format `cohort select` reads, so a run made in the web
/// application can be downloaded, kept, and solved again on the command line.
extension SelectionInstance {
    public func json() throws -> Data {
        struct Wire: Encodable {
            let name: String?
            let cohortSize: Int
            let quotas: [WireQuota]
            let include: [String]
            let exclude: [String]
            let applicants: [WireApplicant]
        }
        struct WireQuota: Encodable {
            let attribute: String
            let value: String?
            let values: [String]?
            let each: Bool?
            let min: Int?
            let max: Int?
        }
        struct WireApplicant: Encodable {
            let id: String
            let score: Double?
            let attributes: [String: String]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(score, forKey: .score)
                try container.encode(attributes, forKey: .attributes)
            }

            enum CodingKeys: String, CodingKey { case id, score, attributes }
        }
        let quotas = quotas.map { quota -> WireQuota in
            switch quota.selector {
            case .value(let value): WireQuota(attribute: quota.attribute, value: value, values: nil, each: nil, min: quota.min, max: quota.max)
            case .group(let values): WireQuota(attribute: quota.attribute, value: nil, values: values, each: nil, min: quota.min, max: quota.max)
            case .each(let values): WireQuota(attribute: quota.attribute, value: nil, values: values, each: true, min: quota.min, max: quota.max)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Wire(name: name, cohortSize: cohortSize, quotas: quotas, include: include, exclude: exclude,
                                       applicants: applicants.map { WireApplicant(id: $0.id, score: $0.score, attributes: $0.attributes) }))
    }
}
