import Foundation

/// Reading the instance format of `selection-format.md`. Unknown top-level keys are ignored;
/// anything that makes the instance malformed is an error naming what is wrong.
extension SelectionInstance {
    public static func decode(json data: Data) throws -> SelectionInstance {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: data)
        } catch let error as SelectionInputError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw SelectionInputError("Missing \"\(key.stringValue)\"\(Self.place(context.codingPath)).")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw SelectionInputError("Wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw SelectionInputError(context.codingPath.isEmpty ? "The file is not valid JSON." : "Invalid value at \(Self.path(context.codingPath)).")
        } catch {
            throw SelectionInputError("The file could not be read as a selection instance.")
        }
        let quotas = try wire.quotas?.enumerated().map { try $0.element.quota(index: $0.offset) } ?? []
        return try SelectionInstance(name: wire.name, cohortSize: wire.cohortSize, quotas: quotas, include: wire.include ?? [],
                                     exclude: wire.exclude ?? [],
                                     applicants: wire.applicants.map { SelectionApplicant(id: $0.id, score: $0.score, attributes: $0.attributes ?? [:]) })
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }

    private static func place(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " in \(path(codingPath))"
    }

    private struct Wire: Decodable {
        let name: String?
        let cohortSize: Int
        let quotas: [WireQuota]?
        let include: [String]?
        let exclude: [String]?
        let applicants: [WireApplicant]
    }

    private struct WireApplicant: Decodable {
        let id: String
        let score: Double?
        let attributes: [String: String]?
    }

    private struct WireQuota: Decodable {
        let attribute: String
        let value: String?
        let values: [String]?
        let each: Bool?
        let min: Int?
        let max: Int?

        func quota(index: Int) throws -> SelectionQuota {
            let selector: SelectionQuota.Selector
            switch (value, values, each ?? false) {
            case (let value?, nil, false): selector = .value(value)
            case (nil, let values?, false): selector = .group(values)
            case (nil, let values, true): selector = .each(values)
            case (nil, nil, false): throw SelectionInputError("Quota \(index) has no selector: give \"value\", \"values\" or \"each\".")
            default: throw SelectionInputError("Quota \(index) has more than one selector: give one of \"value\", \"values\" or \"each\" (with or without \"values\").")
            }
            return SelectionQuota(attribute: attribute, selector: selector, min: min ?? 0, max: max)
        }
    }
}
