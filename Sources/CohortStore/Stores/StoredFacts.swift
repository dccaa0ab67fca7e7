import CohortCore
import Foundation

/// The columns read from an application's answers, worked out in one place for every writer
/// (the insert and the answers' save).
struct StoredFacts: Equatable {
    let fullName: String
    let nationality: String
    let residence: String
    let sector: String
    let gender: String
    let searchText: String
    let isEligible: Bool
    /// JSON list of reasons, kept even when a manager's override makes the application eligible.
    let ineligibilityReasons: String

    init(answers: [String: Answer], rules: EligibilityRules, email: String, reference: String?, override: Bool?) throws {
        let facts = ApplicationFacts(answers: answers, rules: rules)
        fullName = facts.fullName
        nationality = facts.nationality
        residence = facts.residence
        sector = facts.sector
        gender = facts.gender
        searchText = ApplicationFacts.searchText(name: facts.fullName, email: email, reference: reference)
        // A manager's override stands until the manager lifts it.
        isEligible = override ?? facts.isEligible
        ineligibilityReasons = try JSONText.encode(facts.ineligibilityReasons.map(\.description))
    }

    init(fullName: String, nationality: String, residence: String, sector: String, gender: String, searchText: String,
         isEligible: Bool, ineligibilityReasons: String) {
        self.fullName = fullName
        self.nationality = nationality
        self.residence = residence
        self.sector = sector
        self.gender = gender
        self.searchText = searchText
        self.isEligible = isEligible
        self.ineligibilityReasons = ineligibilityReasons
    }
}
