import Foundation

/// Reading the instance format of `selection-format.md`. Unknown keys are ignored; anything
/// that makes the instance malformed is an error that says where and what.
extension SelectionInstance {
    public static func decode(json data: Data) throws -> SelectionInstance {
        var scanner = JSONScanner(data)
        do {
            var name: String?
            var cohortSize: Int?
            var quotas: [SelectionQuota] = []
            var include: [String] = []
            var exclude: [String] = []
            var applicants: [SelectionApplicant]?
            try scanner.forEachMember { scanner, key in
                switch key {
                case "name": name = try Self.optionalString(&scanner, "name")
                case "cohortSize": cohortSize = try Self.integer(&scanner, "cohortSize")
                case "quotas": quotas = try Self.quotas(&scanner)
                case "include": include = try Self.strings(&scanner, "include")
                case "exclude": exclude = try Self.strings(&scanner, "exclude")
                case "applicants": applicants = try Self.applicants(&scanner)
                default: _ = try scanner.value()
                }
            }
            try scanner.expectEnd()
            guard let cohortSize else { throw SelectionInputError("Missing \"cohortSize\".") }
            guard let applicants else { throw SelectionInputError("Missing \"applicants\".") }
            return try SelectionInstance(name: name, cohortSize: cohortSize, quotas: quotas, include: include, exclude: exclude, applicants: applicants)
        } catch let failure as JSONScanner.Failure {
            throw SelectionInputError(failure.message)
        }
    }

    private static func applicants(_ scanner: inout JSONScanner) throws -> [SelectionApplicant] {
        var applicants: [SelectionApplicant] = []
        try scanner.forEachElement { scanner, index in
            var id: String?
            var score: Double?
            var attributes: [String: String] = [:]
            try scanner.forEachMember { scanner, key in
                switch key {
                case "id":
                    guard scanner.peek() == UInt8(ascii: "\"") else { throw SelectionInputError("applicants[\(index)].id must be a string.") }
                    id = try scanner.string()
                case "score":
                    if try scanner.takeNull() { score = nil; return }
                    guard let byte = scanner.peek(), byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
                        throw SelectionInputError("applicants[\(index)].score must be a number or null.")
                    }
                    let number = try scanner.number()
                    // Scores are scaled to whole numbers (up to 10^6) and summed over the cohort in
                    // 64 bits: bounded here, far above any rubric, so that neither can overflow.
                    guard abs(number) <= SelectionApplicant.largestScore else {
                        throw SelectionInputError("applicants[\(index)].score must be between -1000000 and 1000000.")
                    }
                    score = number
                case "attributes":
                    if try scanner.takeNull() { return }
                    try scanner.forEachMember { scanner, name in
                        guard scanner.peek() == UInt8(ascii: "\"") else {
                            throw SelectionInputError("applicants[\(index)].attributes.\(name) must be a string.")
                        }
                        attributes[name] = try scanner.string()
                    }
                default:
                    _ = try scanner.value()
                }
            }
            guard let id else { throw SelectionInputError("applicants[\(index)] has no \"id\".") }
            applicants.append(SelectionApplicant(id: id, score: score, attributes: attributes))
        }
        return applicants
    }

    private static func quotas(_ scanner: inout JSONScanner) throws -> [SelectionQuota] {
        if try scanner.takeNull() { return [] }
        var quotas: [SelectionQuota] = []
        try scanner.forEachElement { scanner, index in
            guard case .object(let fields) = try scanner.value() else { throw SelectionInputError("Quota \(index) must be an object.") }
            quotas.append(try quota(fields, index: index))
        }
        return quotas
    }

    private static func quota(_ fields: [String: JSONScanner.Value], index: Int) throws -> SelectionQuota {
        func text(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw SelectionInputError("Quota \(index): \"\(key)\" must be a string.")
            }
        }
        func count(_ key: String) throws -> Int? {
            switch fields[key] {
            case nil, .null?: return nil
            case .number(let value)? where value == value.rounded() && abs(value) < 1e9: return Int(value)
            default: throw SelectionInputError("Quota \(index): \"\(key)\" must be a whole number.")
            }
        }
        guard let attribute = try text("attribute") else { throw SelectionInputError("Quota \(index) has no \"attribute\".") }
        let value = try text("value")
        var values: [String]?
        switch fields["values"] {
        case nil, .null?: values = nil
        case .array(let list)?:
            values = try list.map {
                guard case .string(let value) = $0 else { throw SelectionInputError("Quota \(index): \"values\" must list strings.") }
                return value
            }
        default: throw SelectionInputError("Quota \(index): \"values\" must be a list of strings.")
        }
        let each: Bool
        switch fields["each"] {
        case nil, .null?: each = false
        case .bool(let flag)?: each = flag
        default: throw SelectionInputError("Quota \(index): \"each\" must be true or false.")
        }
        let selector: SelectionQuota.Selector
        switch (value, values, each) {
        case (let value?, nil, false): selector = .value(value)
        case (nil, let values?, false): selector = .group(values)
        case (nil, let values, true): selector = .each(values)
        case (nil, nil, false): throw SelectionInputError("Quota \(index) has no selector: give \"value\", \"values\" or \"each\".")
        default: throw SelectionInputError("Quota \(index) has more than one selector: give one of \"value\", \"values\" or \"each\" (with or without \"values\").")
        }
        return SelectionQuota(attribute: attribute, selector: selector, min: try count("min") ?? 0, max: try count("max"))
    }

    private static func integer(_ scanner: inout JSONScanner, _ key: String) throws -> Int {
        guard case .number(let value) = try scanner.value(), value == value.rounded(), abs(value) < 1e9 else {
            throw SelectionInputError("\"\(key)\" must be a whole number.")
        }
        return Int(value)
    }

    private static func optionalString(_ scanner: inout JSONScanner, _ key: String) throws -> String? {
        switch try scanner.value() {
        case .null: return nil
        case .string(let value): return value
        default: throw SelectionInputError("\"\(key)\" must be a string.")
        }
    }

    private static func strings(_ scanner: inout JSONScanner, _ key: String) throws -> [String] {
        switch try scanner.value() {
        case .null: return []
        case .array(let list):
            return try list.map {
                guard case .string(let value) = $0 else { throw SelectionInputError("\"\(key)\" must list ids as strings.") }
                return value
            }
        default: throw SelectionInputError("\"\(key)\" must be a list of ids.")
        }
    }
}
