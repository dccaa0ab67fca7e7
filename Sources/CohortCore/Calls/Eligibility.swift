import Foundation

/// Who may apply to a call. Every rule is optional; an empty rule set admits everyone.
public struct EligibilityRules: Hashable, Codable, Sendable {
    public var nationalities: Set<Country>
    public var residences: Set<Country>
    public var sectors: Set<OrganisationKind>
    public var minimumYearsOfExperience: Int?
    /// Questions whose answer must be one of the listed values ("works_with_migrants": ["yes"]).
    public var requiredAnswers: [String: [String]]

    public init(nationalities: Set<Country> = [], residences: Set<Country> = [], sectors: Set<OrganisationKind> = [],
                minimumYearsOfExperience: Int? = nil, requiredAnswers: [String: [String]] = [:]) {
        self.nationalities = nationalities
        self.residences = residences
        self.sectors = sectors
        self.minimumYearsOfExperience = minimumYearsOfExperience
        self.requiredAnswers = requiredAnswers
    }
}

/// Why an application falls outside the rules, as data for staff pages and exports.
public enum IneligibilityReason: Hashable, Sendable, CustomStringConvertible {
    case nationality(String)
    case residence(String)
    case sector(String)
    case experience(years: Double?, minimum: Int)
    case answer(question: String, given: String)

    public var description: String {
        switch self {
        case .nationality(let code): "Nationality \(code.isEmpty ? "not given" : code) is not among the allowed countries"
        case .residence(let code): "Country of residence \(code.isEmpty ? "not given" : code) is not among the allowed countries"
        case .sector(let sector): "Sector \(sector.isEmpty ? "not given" : sector) is not among the allowed sectors"
        case .experience(let years, let minimum):
            "\(years.map(NumberText.plain) ?? "No") years of experience; at least \(minimum) required"
        case .answer(let question, let given): "Answer to \(question) is “\(given)”, which does not qualify"
        }
    }
}

public enum EligibilityCheck {
    /// Profile answers are read from these keys of the built-in profile section.
    public static let nationalityKey = "nationality"
    public static let residenceKey = "residence"
    public static let sectorKey = "sector"
    public static let experienceKey = "years_experience"

    /// Every rule the answers fail; empty means eligible.
    public static func reasons(_ answers: [String: Answer], rules: EligibilityRules) -> [IneligibilityReason] {
        var reasons: [IneligibilityReason] = []
        let nationality = answers[nationalityKey]?.textValue ?? ""
        if !rules.nationalities.isEmpty, !rules.nationalities.contains(where: { $0.code == nationality.uppercased() }) {
            reasons.append(.nationality(nationality))
        }
        let residence = answers[residenceKey]?.textValue ?? ""
        if !rules.residences.isEmpty, !rules.residences.contains(where: { $0.code == residence.uppercased() }) {
            reasons.append(.residence(residence))
        }
        let sector = answers[sectorKey]?.textValue ?? ""
        if !rules.sectors.isEmpty, !rules.sectors.contains(where: { $0.rawValue == sector }) {
            reasons.append(.sector(sector))
        }
        if let minimum = rules.minimumYearsOfExperience {
            let years = answers[experienceKey].flatMap { Double($0.textValue) }
            if (years ?? -1) < Double(minimum) { reasons.append(.experience(years: years, minimum: minimum)) }
        }
        for (question, accepted) in rules.requiredAnswers.sorted(by: { $0.key < $1.key }) {
            let given: [String]
            switch answers[question] {
            case .text(let text)?: given = [text]
            case .list(let items)?: given = items
            case nil: given = []
            }
            if !given.contains(where: accepted.contains) {
                reasons.append(.answer(question: question, given: given.joined(separator: ", ")))
            }
        }
        return reasons
    }
}

/// A manager's override of the rules' verdict, with its note and who made it.
public struct EligibilityDecision: Hashable, Sendable {
    /// nil: the rules decide.
    public var override: Bool?
    public var note: String?
    public var by: UUID?
    public var at: Date?

    public init(override: Bool?, note: String?, by: UUID?, at: Date?) {
        self.override = override
        self.note = note
        self.by = by
        self.at = at
    }

    /// The note is required: an override nobody can explain later is worth little.
    public static func validateNote(_ note: String) -> String? {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "Say why, so the decision can be understood later." }
        if trimmed.count > 1_000 { return "Keep the note under 1,000 characters." }
        return nil
    }
}
