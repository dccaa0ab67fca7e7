import Foundation

/// The rubric editor's form: criteria as numbered rows (a row with no name is left out, so
/// clearing a name removes the criterion), the reviews wanted and the review switches.
/// Parsing keeps what was typed, so a refused form comes back as it was sent.
public struct RubricForm: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var key = ""
        public var name = ""
        public var description = ""
        public var weight = "1"
        public var lowest = "1"
        public var highest = "5"

        public init() {}
    }

    public var rows: [Row]
    public var reviewsWanted: String
    public var isBlind: Bool
    public var avoidsSameCountry: Bool

    /// Blank rows offered below the existing criteria.
    public static let blankRows = 2

    public init(rubric: Rubric?, isBlind: Bool, avoidsSameCountry: Bool) {
        rows = (rubric?.criteria ?? []).map { criterion in
            var row = Row()
            row.key = criterion.key
            row.name = criterion.name
            row.description = criterion.description
            row.weight = Self.number(criterion.weight)
            row.lowest = "\(criterion.lowest)"
            row.highest = "\(criterion.highest)"
            return row
        } + Array(repeating: Row(), count: Self.blankRows)
        reviewsWanted = "\(rubric?.reviewsWanted ?? 2)"
        self.isBlind = isBlind
        self.avoidsSameCountry = avoidsSameCountry
    }

    public init(values: [String: String]) {
        var rows: [Row] = []
        var index = 0
        while values["c\(index)_name"] != nil && index < 40 {
            var row = Row()
            row.key = values["c\(index)_key"] ?? ""
            row.name = values["c\(index)_name"] ?? ""
            row.description = values["c\(index)_description"] ?? ""
            row.weight = values["c\(index)_weight"] ?? ""
            row.lowest = values["c\(index)_lowest"] ?? ""
            row.highest = values["c\(index)_highest"] ?? ""
            rows.append(row)
            index += 1
        }
        self.rows = rows
        reviewsWanted = values["reviewsWanted"] ?? ""
        isBlind = values["blind"] == "on"
        avoidsSameCountry = values["sameCountry"] == "on"
    }

    /// The rubric, or the problems keyed by the form's field names.
    public func rubric() -> Result<Rubric, ValidationFailure> {
        var errors: [FieldError] = []
        var criteria: [Rubric.Criterion] = []
        var keys = Set(rows.map(\.key).filter { !$0.isEmpty })
        for (index, row) in rows.enumerated() {
            let name = row.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            let weight = Double(row.weight.trimmingCharacters(in: .whitespaces))
            let lowest = Int(row.lowest.trimmingCharacters(in: .whitespaces)), highest = Int(row.highest.trimmingCharacters(in: .whitespaces))
            if weight == nil { errors.append(FieldError("c\(index)_weight", "Give the weight as a number, such as 1 or 2.5.")) }
            if lowest == nil { errors.append(FieldError("c\(index)_lowest", "Give the lowest score as a whole number.")) }
            if highest == nil { errors.append(FieldError("c\(index)_highest", "Give the highest score as a whole number.")) }
            var key = row.key
            if key.isEmpty {
                key = Self.key(for: name, taken: keys)
                keys.insert(key)
            }
            criteria.append(Rubric.Criterion(key: key, name: name, description: row.description.trimmingCharacters(in: .whitespacesAndNewlines),
                                             weight: weight ?? 1, lowest: lowest ?? 1, highest: highest ?? 5))
            if let weight, !(weight > 0 && weight <= 100) {
                errors.append(FieldError("c\(index)_weight", "The weight must be more than 0 and at most 100."))
            }
            if let lowest, let highest, lowest >= highest || lowest < 0 || highest > 100 {
                errors.append(FieldError("c\(index)_highest", "The scale must run upwards, between 0 and 100 (for example 1 to 5)."))
            }
        }
        let wanted = Int(reviewsWanted.trimmingCharacters(in: .whitespaces))
        if criteria.isEmpty { errors.append(FieldError("c0_name", "Add at least one criterion.")) }
        if wanted.map({ !(1...10).contains($0) }) ?? true {
            errors.append(FieldError("reviewsWanted", "Ask for between 1 and 10 reviews per application."))
        }
        if !errors.isEmpty { return .failure(ValidationFailure(errors)) }
        return .success(Rubric(criteria: criteria, reviewsWanted: wanted ?? 2))
    }

    static func key(for name: String, taken: Set<String>) -> String {
        let base = String(name.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" })
            .split(separator: "_").joined(separator: "_").prefix(40)
        var key = base.isEmpty ? "criterion" : String(base)
        var suffix = 2
        while taken.contains(key) { key = "\(base.isEmpty ? "criterion" : String(base))_\(suffix)"; suffix += 1 }
        return key
    }

    static func number(_ value: Double) -> String {
        NumberText.plain(value)
    }
}
