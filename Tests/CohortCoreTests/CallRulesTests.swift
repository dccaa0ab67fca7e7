import Foundation
import Testing
@testable import CohortCore

@Suite struct LanguageTests {
    @Test(arguments: [
        ("ms-MY,ms;q=0.9,en;q=0.5", Language.malay), ("en-US,en;q=0.9", .english), ("tl-PH", .filipino),
        ("fr-FR,ne;q=0.3", .nepali), ("km", .khmer), ("de,fr", nil), ("", nil), ("bn;q=0", nil),
    ] as [(String, Language?)])
    func picksTheBestOfferedLanguage(header: String, expected: Language?) {
        #expect(Language.preferred(acceptLanguage: header, offered: Language.allCases) == expected)
    }

    @Test func onlyOfferedLanguagesArePicked() {
        #expect(Language.preferred(acceptLanguage: "ms,id;q=0.8", offered: [.english, .indonesian]) == .indonesian)
    }

    @Test func localizedTextFallsBackToEnglishThenAnything() {
        let both = LocalizedText([.english: "Name", .malay: "Nama"])
        #expect(both.text(in: .malay) == "Nama")
        #expect(both.text(in: .khmer) == "Name")
        #expect(LocalizedText([.malay: "Nama"]).text(in: .nepali) == "Nama")
        #expect(LocalizedText([.english: "  "]).isEmpty)
    }

    @Test func localizedTextRoundTripsAsJSON() throws {
        let text = LocalizedText([.english: "Name", .khmer: "ឈ្មោះ"])
        let data = try JSONEncoder().encode(text)
        #expect(try JSONDecoder().decode(LocalizedText.self, from: data) == text)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LocalizedText.self, from: Data(#"{"xx":"?"}"#.utf8)) }
    }
}

@Suite struct AnswerValidatorTests {
    static func question(_ type: QuestionType, required: Bool = true) -> Question {
        Question(key: "q", type: type, label: .init(english: "Q"), required: required,
                 options: [.init(value: "a", label: .init(english: "A")), .init(value: "b", label: .init(english: "B"))],
                 wordLimit: 5, minimum: 0, maximum: 60)
    }

    @Test(arguments: [
        (QuestionType.shortText, Answer.text("Ana"), nil), (.shortText, .text("  "), AnswerProblem.required),
        (.longText, .text("one two three four five"), nil), (.longText, .text("one two three four five six"), .tooManyWords(limit: 5, count: 6)),
        (.singleChoice, .text("a"), nil), (.singleChoice, .text("c"), .unknownOption),
        (.multipleChoice, .list(["a", "b"]), nil), (.multipleChoice, .list(["a", "z"]), .unknownOption),
        (.yesNo, .text("Yes"), nil), (.yesNo, .text("maybe"), .notYesOrNo),
        (.number, .text("12"), nil), (.number, .text("4,5"), nil), (.number, .text("twelve"), .notANumber),
        (.number, .text("61"), .outOfRange(minimum: 0, maximum: 60)),
        (.date, .text("2017-08-14"), nil), (.date, .text("14/08/2017"), .notADate),
        (.email, .text("ana@example.org"), nil), (.email, .text("ana@"), .notAnEmail),
        (.country, .text("NP"), nil), (.country, .text("Nepal"), .unknownCountry),
    ] as [(QuestionType, Answer, AnswerProblem?)])
    func checksEachType(type: QuestionType, answer: Answer, expected: AnswerProblem?) {
        #expect(AnswerValidator.problem(answer, for: Self.question(type)) == expected)
    }

    @Test func blankOptionalAnswersAreFine() {
        #expect(AnswerValidator.problem(nil, for: Self.question(.email, required: false)) == nil)
        #expect(AnswerValidator.problem(nil, for: Self.question(.email)) == .required)
    }

    @Test(arguments: [("", 0), ("one", 1), ("one, two;three", 3), ("I'm here — now", 3), ("ខ្ញុំ ធ្វើការ", 2)])
    func countsWords(text: String, count: Int) {
        #expect(AnswerValidator.wordCount(text) == count)
    }

    @Test func answersDecodeFromAnyJSONScalar() throws {
        let decoded = try JSONDecoder().decode([String: Answer].self, from: Data(#"{"a":"x","b":3,"c":true,"d":["p","q"],"e":2.5}"#.utf8))
        #expect(decoded == ["a": .text("x"), "b": .text("3"), "c": .text("yes"), "d": .list(["p", "q"]), "e": .text("2.5")])
    }
}

@Suite struct CallRulesTests {
    static let opens = Date(timeIntervalSince1970: 1_700_000_000)
    static let call = Call(id: UUID(), programID: UUID(), title: .init(english: "Call"), description: .init(),
                           opensAt: opens, closesAt: opens.addingTimeInterval(86_400), timeZone: "Asia/Kuala_Lumpur",
                           graceMinutes: 15, languages: [.english, .malay], privacyNotice: .init(english: "Notice"),
                           contactEmail: "dtp@example.org", isPublished: true, referencePrefix: "MWP2017")

    @Test(arguments: [
        (-1.0, CallStatus.scheduled, false), (0, .open, true), (86_400, .open, true), (86_401, .closed, true),
        (86_400 + 900, .closed, true), (86_400 + 901, .closed, false),
    ])
    func theClockDecides(offset: Double, status: CallStatus, accepts: Bool) {
        let now = Self.opens.addingTimeInterval(offset)
        #expect(Self.call.status(at: now) == status)
        #expect(Self.call.acceptsSubmission(at: now) == accepts)
    }

    @Test func draftsAcceptNothing() {
        var draft = Self.call
        draft.isPublished = false
        #expect(draft.status(at: Self.opens) == .draft)
        #expect(!draft.acceptsSubmission(at: Self.opens))
    }

    @Test func showsAnOfferedLanguageOnly() {
        #expect(Self.call.language(for: .malay) == .malay)
        #expect(Self.call.language(for: .khmer) == .english)
    }

    @Test func referenceCodes() {
        #expect(ReferenceCode.make(prefix: "MWP2017", number: 42) == "MWP2017-0042")
        #expect(ReferenceCode.isValidPrefix("MWP2017"))
        #expect(!ReferenceCode.isValidPrefix("mwp"))
        #expect(!ReferenceCode.isValidPrefix("M"))
    }
}

@Suite struct EligibilityTests {
    static let rules = EligibilityRules(nationalities: [Country(code: "MY")!], sectors: [.ngo, .tradeUnion],
                                        minimumYearsOfExperience: 2, requiredAnswers: ["works_with_migrants": ["yes"]])

    @Test func aQualifyingApplicantIsEligible() {
        let answers: [String: Answer] = ["nationality": .text("MY"), "sector": .text("ngo"), "years_experience": .text("3"),
                                         "works_with_migrants": .text("yes")]
        #expect(EligibilityCheck.reasons(answers, rules: Self.rules).isEmpty)
    }

    @Test func everyFailedRuleIsNamed() {
        let answers: [String: Answer] = ["nationality": .text("NP"), "sector": .text("government"), "years_experience": .text("1")]
        let reasons = EligibilityCheck.reasons(answers, rules: Self.rules)
        #expect(reasons == [.nationality("NP"), .sector("government"), .experience(years: 1, minimum: 2),
                            .answer(question: "works_with_migrants", given: "")])
        #expect(reasons.allSatisfy { !$0.description.isEmpty })
    }

    @Test func noRulesAdmitEveryone() {
        #expect(EligibilityCheck.reasons([:], rules: EligibilityRules()).isEmpty)
    }
}

@Suite struct FormDefinitionTests {
    @Test func findsProblemsInTheFormItself() {
        let form = FormDefinition(version: 1, sections: [
            FormSection(key: "about", title: .init(english: "About you"), questions: [
                Question(key: "name", type: .shortText, label: .init(english: "Name")),
                Question(key: "name", type: .shortText, label: .init(english: "Again")),
                Question(key: "Bad Key", type: .shortText, label: .init(english: "Bad")),
                Question(key: "pick", type: .singleChoice, label: .init(english: "Pick"), options: [.init(value: "x", label: .init(english: "X"))]),
                Question(key: "unlabelled", type: .shortText, label: .init([.malay: "Nama"])),
            ]),
        ])
        let fields = form.problems().map(\.field)
        #expect(fields == ["question.name", "question.Bad Key", "question.pick", "question.unlabelled"])
    }
}

@Suite struct CSVAndQueryTests {
    @Test(arguments: [("plain", "\"plain\""), ("=1+1", "\"'=1+1\""), ("+62 812", "\"'+62 812\""), ("-3", "\"'-3\""),
                      ("@SUM(A1)", "\"'@SUM(A1)\""), ("\tx", "\"'\tx\""), ("\rx", "\"'\rx\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
                      ("a,b\nc", "\"a,b\nc\""),
                      // A quote with a combining mark after it is one Character, but still a quote to a spreadsheet.
                      ("x\"\u{05C7},=cmd", "\"x\"\"\u{05C7},=cmd\"")])
    func escapesCellsSpreadsheetsWouldRun(value: String, expected: String) {
        #expect(CSVWriter.cell(value) == expected)
    }

    @Test func rowsEndWithCRLF() {
        #expect(CSVWriter.document(header: ["a", "b"], rows: [["1", "2"]]) == "\"a\",\"b\"\r\n\"1\",\"2\"\r\n")
    }

    @Test func filtersReadFromTheQueryAndWriteBack() {
        let values = ["status": "submitted", "eligible": "no", "nationality": "np", "q": " Siti ", "from": "2017-01-01", "language": "xx"]
        let filter = ApplicationFilter(query: { values[$0] })
        #expect(filter.status == .submitted && filter.eligible == false && filter.nationality == "NP" && filter.search == "siti")
        #expect(filter.language == nil)
        #expect(ApplicationFilter(query: { Dictionary(uniqueKeysWithValues: filter.queryItems)[$0] }) == filter)
    }

    @Test func cursorsRoundTripAndRejectJunk() {
        let cursor = ListCursor(value: "Siti | Aminah", id: UUID())
        #expect(ListCursor(token: cursor.token) == cursor)
        #expect(ListCursor(token: "not a cursor") == nil)
    }
}
