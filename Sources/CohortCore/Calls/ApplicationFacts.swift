/// The few facts staff filter and sort applications by, read from the answers.
/// Kept beside the answers so lists stay fast; recomputed at every save.
public struct ApplicationFacts: Equatable, Sendable {
    public var fullName: String
    public var nationality: String
    public var residence: String
    public var sector: String
    public var gender: String
    public var ineligibilityReasons: [IneligibilityReason]

    public var isEligible: Bool { ineligibilityReasons.isEmpty }

    public init(answers: [String: Answer], rules: EligibilityRules) {
        func text(_ key: String) -> String { answers[key]?.textValue.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        fullName = text("full_name")
        nationality = text(EligibilityCheck.nationalityKey).uppercased()
        residence = text(EligibilityCheck.residenceKey).uppercased()
        sector = text(EligibilityCheck.sectorKey)
        gender = text("gender")
        ineligibilityReasons = EligibilityCheck.reasons(answers, rules: rules)
    }

    /// Lower-cased text that name, email and reference searches look in.
    public static func searchText(name: String, email: String, reference: String?) -> String {
        [name, email, reference ?? ""].joined(separator: " ").lowercased()
    }
}
