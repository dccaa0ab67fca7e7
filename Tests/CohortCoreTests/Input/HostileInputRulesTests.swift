@testable import CohortCore
import Foundation
import Testing

/// Input that once stopped the whole process: every case here trapped before.
@Suite struct HostileInputRulesTests {
    @Test(arguments: [
        (1e300, "1e+300"), (-1e300, "-1e+300"), (5, "5"), (-0.0, "0"), (2.5, "2.5"),
        (9.3e18, "9.3e+18"), (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
    ])
    func numbersBecomeTextWithoutTrapping(value: Double, text: String) {
        #expect(NumberText.plain(value) == text)
    }

    @Test func wholeAndPercentStayInRange() {
        #expect(NumberText.whole(.nan) == nil)
        #expect(NumberText.whole(1e300) == nil)
        #expect(NumberText.whole(-3.7) == -3)
        #expect(NumberText.percent(1, of: 0) == "0%")
        #expect(NumberText.percent(1, of: 3) == "33%")
    }

    @Test(arguments: [
        #"{"answers":{"years":1e300}}"#, #"{"answers":{"years":-1e300}}"#, #"{"answers":{"years":1.7976931348623157e308}}"#,
    ])
    func hugeNumbersInAnswersAreText(body: String) throws {
        let answers = try #require(try AnswersJSON.decodeMember("answers", in: Array(body.utf8)))
        #expect(answers["years"]?.textValue.contains("e+") == true)
    }

    @Test(arguments: [
        #"{"answers":{"a":"\uD800\u0041"}}"#, #"{"answers":{"a":"\uD800"}}"#, #"{"answers":{"a":"\uDC00x"}}"#,
        #"{"answers":{"a":"\uD800\uD800"}}"#, #"{"answers":{"a":"\u+0041"}}"#, #"{"answers":{"a":"\u-041"}}"#,
        #"{"answers":{"a":"a\u0000b"}}"#, #"{"answers":{"a":"bell\u0007"}}"#, #"{"answers":{"a\u0000":"x"}}"#,
        #"{"answers":{"a":["ok","\u001b[31m"]}}"#, #"{"answers":{"a":"\u0085"}}"#,
    ])
    func badEscapesAndControlCharactersAreRefused(body: String) {
        #expect(throws: AnswersJSON.Malformed.self) { _ = try AnswersJSON.decodeMember("answers", in: Array(body.utf8)) }
    }

    @Test func aValidSurrogatePairIsOneCharacter() throws {
        let answers = try AnswersJSON.decodeMember("answers", in: Array(#"{"answers":{"a":"\uD83C\uDF0F"}}"#.utf8))
        #expect(answers?["a"] == .text("\u{1F30F}"))
    }

    @Test(arguments: [20_000, 65, 200])
    func deepNestingIsRefusedNotRecursedInto(depth: Int) {
        let body = #"{"answers":{"a":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        #expect(throws: AnswersJSON.Malformed.self) { _ = try AnswersJSON.decodeMember("answers", in: Array(body.utf8)) }
        let other = #"{"other":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + #","answers":{}}"#
        #expect(throws: AnswersJSON.Malformed.self) { _ = try AnswersJSON.decodeMember("answers", in: Array(other.utf8)) }
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let body = #"{"other":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + #","answers":{"a":"b"}}"#
        #expect(try AnswersJSON.decodeMember("answers", in: Array(body.utf8)) == ["a": .text("b")])
    }

    @Test func aSelectionInstanceNestedTooDeepIsMalformed() {
        let text = #"{"cohortSize":1,"applicants":[],"x":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(throws: (any Error).self) { _ = try SelectionInstance.decode(json: Data(text.utf8)) }
    }

    @Test func storedAnswersAreReadBackAsWritten() throws {
        // Stored text is not refused on reading: what was kept stays readable.
        let stored = AnswersJSON.encode(["a": .text("tab\there")])
        #expect(try AnswersJSON.decode(stored) == ["a": .text("tab\there")])
    }

    @Test func experienceOfAnyMagnitudeIsDescribed() {
        for years in ["-1e300", "1e300", "-1", "nan", "1e999"] {
            let reasons = EligibilityCheck.reasons([EligibilityCheck.experienceKey: .text(years)],
                                                   rules: EligibilityRules(minimumYearsOfExperience: 2))
            #expect(reasons.map(\.description).allSatisfy { $0.contains("years of experience") })
        }
    }

    @Test(arguments: ["1e300", "-1e300", "1e13", "inf", "nan"])
    func numberQuestionBoundsAreLimited(bound: String) {
        let form = QuestionForm(values: ["key": "years", "type": "number", "label_en": "Years", "minimum": bound])
        #expect(throws: ValidationFailure.self) { _ = try form.validated(languages: [.english], takenKeys: []) }
    }

    @Test(arguments: [
        ("plain text", false), ("नेपाली पाठ ा", false), ("line\nbreak\ttab\r", false), ("\u{FEFF}bom", false),
        ("nul\u{0}", true), ("bell\u{7}", true), ("del\u{7F}", true), ("c1\u{85}", true), ("\u{FFFE}", true), ("\u{FFFF}", true),
    ])
    func forbiddenCharacters(text: String, refused: Bool) {
        #expect(InputText.hasForbiddenCharacter(text) == refused)
    }

    @Test(arguments: [
        ("a@example.org", true), ("a\u{202E}gro.elpmaxe@b.org", false), ("a@exa\u{200F}mple.org", false),
        ("a\u{0}b@example.org", false), ("a\tb@example.org", false), (String(repeating: "é", count: 200) + "@example.org", false),
    ])
    func emailsWithHiddenCharactersAreRefused(email: String, valid: Bool) {
        #expect(EmailAddress.isValid(email) == valid)
    }
}
