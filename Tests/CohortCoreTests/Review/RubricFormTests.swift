import Foundation
import Testing
@testable import CohortCore

@Suite struct RubricFormTests {
    func row(_ index: Int, key: String = "", name: String, weight: String = "1", lowest: String = "1", highest: String = "5") -> [String: String] {
        ["c\(index)_key": key, "c\(index)_name": name, "c\(index)_description": "", "c\(index)_weight": weight,
         "c\(index)_lowest": lowest, "c\(index)_highest": highest]
    }

    @Test func readsRowsSkipsBlankOnesAndMakesUniqueKeys() throws {
        var values = row(0, key: "experience", name: "Experience", weight: "2")
        values.merge(row(1, name: "Motivation"), uniquingKeysWith: { $1 })
        values.merge(row(2, name: "  "), uniquingKeysWith: { $1 })
        values.merge(row(3, name: "Motivation!", lowest: "0", highest: "10"), uniquingKeysWith: { $1 })
        values["reviewsWanted"] = "3"
        values["blind"] = "on"
        let form = RubricForm(values: values)
        #expect(form.isBlind && !form.avoidsSameCountry)
        let rubric = try form.rubric().get()
        #expect(rubric.criteria.map(\.key) == ["experience", "motivation", "motivation_2"])
        #expect(rubric.criteria.map(\.weight) == [2, 1, 1] && rubric.criteria[2].highest == 10 && rubric.reviewsWanted == 3)
        // Shown again, the saved rubric gives the same rows plus blank ones.
        let again = RubricForm(rubric: rubric, isBlind: true, avoidsSameCountry: false)
        #expect(again.rows.count == 3 + RubricForm.blankRows && again.rows[0].weight == "2" && again.rows[1].key == "motivation")
    }

    @Test func problemsAreKeyedByTheFormsFieldNames() {
        var values = row(0, name: "Experience", weight: "heavy")
        values.merge(row(1, name: "Motivation", lowest: "5", highest: "1"), uniquingKeysWith: { $1 })
        values["reviewsWanted"] = "0"
        guard case .failure(let failure) = RubricForm(values: values).rubric() else { Issue.record("accepted"); return }
        #expect(failure.errors.map(\.field) == ["c0_weight", "c1_highest", "reviewsWanted"])
        guard case .failure(let empty) = RubricForm(values: row(0, name: "") .merging(["reviewsWanted": "2"]) { $1 }).rubric() else {
            Issue.record("accepted"); return
        }
        #expect(empty.errors.map(\.field) == ["c0_name"])
    }

    @Test func blindReviewHidesWhoTheApplicantIs() {
        let form = FormDefinition(version: 1, sections: [
            ProfileSection.section,
            FormSection(key: "work", title: .init(english: "Work"), questions: [
                Question(key: "letter", type: .file, label: .init(english: "Letter of support"), required: false, isIdentifying: true),
                Question(key: "story", type: .longText, label: .init(english: "Your work"), required: true),
            ]),
        ])
        let blind = BlindReview.visibleSections(form, blind: true).flatMap(\.questions).map(\.key)
        #expect(!blind.contains("full_name") && !blind.contains("phone") && !blind.contains("organisation") && !blind.contains("letter"))
        #expect(blind.contains("story") && blind.contains("nationality"))
        #expect(BlindReview.visibleSections(form, blind: false).flatMap(\.questions).count == form.sections.flatMap(\.questions).count)
    }
}
