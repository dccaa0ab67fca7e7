import Foundation

/// What a manager asks of a selection run: the cohort size, the quotas, who must be in or
/// out (by reference), and which score counts.
public struct SelectionSetup: Sendable, Equatable {
    public enum Score: String, Sendable, CaseIterable, Codable {
        case calibrated, average

        public var label: String {
            switch self {
            case .calibrated: "Calibrated score (corrects lenient and harsh reviewers)"
            case .average: "Average of the reviews"
            }
        }
    }

    public var name: String
    public var cohortSize: Int
    public var quotas: [SelectionQuota]
    public var include: [String]
    public var exclude: [String]
    public var score: Score

    public init(name: String, cohortSize: Int, quotas: [SelectionQuota], include: [String] = [], exclude: [String] = [], score: Score = .calibrated) {
        self.name = name
        self.cohortSize = cohortSize
        self.quotas = quotas
        self.include = include
        self.exclude = exclude
        self.score = score
    }
}

/// One application as the solver sees it.
public struct SelectionCandidate: Sendable, Equatable {
    /// The application's reference: the solver's id, so ties go to the earlier reference.
    public let reference: String
    public let applicationID: UUID
    public let score: Double?
    public let attributes: [String: String]

    public init(reference: String, applicationID: UUID, score: Double?, attributes: [String: String]) {
        self.reference = reference
        self.applicationID = applicationID
        self.score = score
        self.attributes = attributes
    }

    /// The attributes quotas can use, from what the applicant answered. The organisation is
    /// compared without case or surrounding spaces; choice questions are offered by their key.
    public static func attributes(facts: ApplicationFacts, answers: [String: Answer], language: Language, form: FormDefinition,
                                  countryRoles: [String: CountryRole]) -> [String: String] {
        var attributes: [String: String] = [:]
        if !facts.nationality.isEmpty {
            attributes["country"] = facts.nationality
            attributes["role"] = (countryRoles[facts.nationality] ?? .other).rawValue
        }
        if !facts.sector.isEmpty { attributes["sector"] = facts.sector }
        if !facts.gender.isEmpty { attributes["gender"] = facts.gender }
        attributes["language"] = language.rawValue
        if case .text(let organisation)? = answers["organisation"] {
            let normalised = organisation.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if !normalised.isEmpty { attributes["organization"] = normalised }
        }
        for question in form.sections.flatMap(\.questions) where [.singleChoice, .yesNo].contains(question.type)
            && !["gender", "sector", "nationality", "residence"].contains(question.key) {
            if case .text(let value)? = answers[question.key], !value.isEmpty { attributes[question.key] = value }
        }
        return attributes
    }
}

extension SelectionSetup {
    /// The instance for the solver. Unscored applications stay in it (they count as never
    /// selectable), so the pool's composition is complete.
    public func instance(candidates: [SelectionCandidate]) throws -> SelectionInstance {
        try SelectionInstance(name: name, cohortSize: cohortSize, quotas: quotas, include: include, exclude: exclude,
                              applicants: candidates.map { SelectionApplicant(id: $0.reference, score: $0.score, attributes: $0.attributes) })
    }
}

extension SelectionCandidate {
    /// Every attribute of the pool with its values, most frequent first: what quotas can name.
    public static func attributeValues(_ candidates: [SelectionCandidate]) -> [String: [(value: String, count: Int)]] {
        var counts: [String: [String: Int]] = [:]
        for candidate in candidates { for (name, value) in candidate.attributes { counts[name, default: [:]][value, default: 0] += 1 } }
        return counts.mapValues { $0.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
