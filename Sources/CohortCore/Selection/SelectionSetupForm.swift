import Foundation

/// The selection form as typed: cohort size, score, quota rows (an attribute, how its values
/// count, the values, a minimum and a maximum), and references to include or exclude.
/// A row without an attribute is left out.
public struct SelectionSetupForm: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case value, group, each

        public var label: String {
            switch self {
            case .value: "one value"
            case .group: "these values together"
            case .each: "each value separately"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var attribute = ""
        public var kind = Kind.value.rawValue
        public var values = ""
        public var min = ""
        public var max = ""

        public init() {}
    }

    public var name: String
    public var cohortSize: String
    public var score: String
    public var rows: [Row]
    public var include: String
    public var exclude: String

    public static let blankRows = 3
    public static let maximumRows = 60

    public init(cohortSize: Int?) {
        name = "Run"
        self.cohortSize = cohortSize.map(String.init) ?? ""
        score = SelectionSetup.Score.calibrated.rawValue
        rows = Array(repeating: Row(), count: Self.blankRows + 2)
        include = ""
        exclude = ""
    }

    public init(values: [String: String]) {
        name = values["name"] ?? ""
        cohortSize = values["cohortSize"] ?? ""
        score = values["score"] ?? ""
        include = values["include"] ?? ""
        exclude = values["exclude"] ?? ""
        var rows: [Row] = []
        while rows.count < Self.maximumRows, let attribute = values["q\(rows.count)_attribute"] {
            var row = Row()
            let index = rows.count
            row.attribute = attribute
            row.kind = values["q\(index)_kind"] ?? ""
            row.values = values["q\(index)_values"] ?? ""
            row.min = values["q\(index)_min"] ?? ""
            row.max = values["q\(index)_max"] ?? ""
            rows.append(row)
        }
        self.rows = rows
    }

    /// The form's values, for storing with a run so it can be opened again as it was.
    public var values: [String: String] {
        var values = ["name": name, "cohortSize": cohortSize, "score": score, "include": include, "exclude": exclude]
        for (index, row) in rows.enumerated() where !row.attribute.isEmpty {
            values["q\(index)_attribute"] = row.attribute
            values["q\(index)_kind"] = row.kind
            values["q\(index)_values"] = row.values
            values["q\(index)_min"] = row.min
            values["q\(index)_max"] = row.max
        }
        return values
    }

    /// The setup, or problems keyed by field name. `references` are the call's, to check the include and exclude lists.
    static let largestCount = 100_000

    public func setup(references: Set<String>, attributes: Set<String>) -> Result<SelectionSetup, ValidationFailure> {
        var errors: [FieldError] = []
        let size = Int(cohortSize.trimmingCharacters(in: .whitespaces))
        if size.map({ !(1...1000).contains($0) }) ?? true { errors.append(FieldError("cohortSize", "Give the cohort size as a whole number from 1 to 1,000.")) }
        let scoreKind = SelectionSetup.Score(rawValue: score)
        if scoreKind == nil { errors.append(FieldError("score", "Choose which score counts.")) }
        var quotas: [SelectionQuota] = []
        for (index, row) in rows.enumerated() {
            let attribute = row.attribute.trimmingCharacters(in: .whitespaces)
            guard !attribute.isEmpty else { continue }
            if !attributes.contains(attribute) { errors.append(FieldError("q\(index)_attribute", "Choose an attribute from the list.")) }
            let values = Self.list(row.values)
            let low = row.min.trimmingCharacters(in: .whitespaces), high = row.max.trimmingCharacters(in: .whitespaces)
            let min = low.isEmpty ? 0 : Int(low), max = high.isEmpty ? nil : Int(high)
            // Bounded like a selection file's counts, so the solver's sums of them cannot overflow.
            if min == nil || min! < 0 || min! > Self.largestCount { errors.append(FieldError("q\(index)_min", "Give the minimum as a whole number up to 100000, or leave it empty.")) }
            if !high.isEmpty && (max == nil || max! < 0 || max! > Self.largestCount) {
                errors.append(FieldError("q\(index)_max", "Give the maximum as a whole number up to 100000, or leave it empty."))
            }
            if let min, let max, min > max { errors.append(FieldError("q\(index)_max", "The maximum cannot be below the minimum.")) }
            if (min ?? 0) == 0 && high.isEmpty { errors.append(FieldError("q\(index)_min", "Give a minimum, a maximum or both.")) }
            let selector: SelectionQuota.Selector
            switch Kind(rawValue: row.kind) {
            case .value?:
                if values.count != 1 { errors.append(FieldError("q\(index)_values", "Give exactly one value.")) }
                selector = .value(values.first ?? "")
            case .group?:
                if values.isEmpty { errors.append(FieldError("q\(index)_values", "List the values that count together.")) }
                selector = .group(values)
            case .each?:
                selector = .each(values.isEmpty ? nil : values)
            case nil:
                errors.append(FieldError("q\(index)_kind", "Choose how the values count."))
                selector = .each(nil)
            }
            quotas.append(SelectionQuota(attribute: attribute, selector: selector, min: min ?? 0, max: max))
        }
        let include = Self.list(include), exclude = Self.list(exclude)
        if let unknown = include.first(where: { !references.contains($0) }) {
            errors.append(FieldError("include", "\(unknown) is not a reference of this call."))
        }
        if let unknown = exclude.first(where: { !references.contains($0) }) {
            errors.append(FieldError("exclude", "\(unknown) is not a reference of this call."))
        }
        if !errors.isEmpty { return .failure(ValidationFailure(errors)) }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(SelectionSetup(name: trimmedName.isEmpty ? "Run" : String(trimmedName.prefix(120)), cohortSize: size ?? 1,
                                       quotas: quotas, include: include, exclude: exclude, score: scoreKind ?? .calibrated))
    }

    /// Values separated by commas, spaces or new lines, each once.
    static func list(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split { $0 == "," || $0.isWhitespace }.map(String.init).filter { seen.insert($0).inserted }
    }
}

extension SelectionQuota {
    /// "at least 13 and at most 20 with gender woman", for pages and conflict messages.
    public var sentence: String {
        let bounds: String
        switch (min, max) {
        case (0, let max?): bounds = "at most \(max)"
        case (let min, nil): bounds = "at least \(min)"
        case (let min, let max?) where min == max: bounds = "exactly \(min)"
        case (let min, let max?): bounds = "at least \(min) and at most \(max)"
        }
        switch selector {
        case .value(let value): return "\(bounds) with \(attribute) \(value)"
        case .group(let values): return "\(bounds) with \(attribute) \(values.joined(separator: ", ")) together"
        case .each(let values?): return "\(bounds) with each \(attribute) of \(values.joined(separator: ", "))"
        case .each(nil): return "\(bounds) from any one \(attribute)"
        }
    }
}
