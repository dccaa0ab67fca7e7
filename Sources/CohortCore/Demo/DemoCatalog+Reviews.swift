import Foundation

/// Sample reviews for the demo's closed call, so review scores, calibration and selection
/// can be tried at once. They are not in the seed: every comment says it is sample data.
extension DemoCatalog {
    public static let sampleRubric = Rubric(criteria: [
        Rubric.Criterion(key: "experience", name: "Experience with migrant workers",
                         description: "Casework, organising, research or policy work with or for migrant workers.", weight: 2),
        Rubric.Criterion(key: "motivation", name: "Motivation and plans",
                         description: "What they will do with what they learn, and with whom."),
        Rubric.Criterion(key: "network", name: "Reach", description: "How far their organisation and network carry the work.", weight: 0.5),
    ], reviewsWanted: 2)

    public static let sampleComment = "Sample review (demo data, not from the program)."

    /// Scores for one application by one demo reviewer: spread by the reference so the
    /// applications differ, with the second reviewer a point harsher on experience.
    public static func sampleScores(reference: String, reviewer: Int) -> [String: Int] {
        let seed = reference.unicodeScalars.reduce(7) { ($0 &* 31 &+ Int($1.value)) % 10_007 }
        let experience = 1 + seed % 5, motivation = 1 + (seed / 5) % 5, network = 1 + (seed / 25) % 5
        return ["experience": Swift.max(1, experience - reviewer), "motivation": motivation, "network": network]
    }
}
