import CohortCore
import Foundation
import Testing

@Suite struct CallEditorRulesTests {
    static let questions = [
        Question(key: "works_with_migrants", type: .yesNo, label: .init(english: "Works with migrants?")),
        Question(key: "focus", type: .multipleChoice, label: .init(english: "Focus"), options: [
            .init(value: "recruitment", label: .init(english: "Recruitment")), .init(value: "detention", label: .init(english: "Detention")),
        ]),
    ]

    static var valid: CallForm {
        CallForm(values: [
            "title_en": "Call for applications", "title_ms": "Pelawaan permohonan", "lang_en": "on", "lang_ms": "on",
            "description_en": "Apply.", "privacy_en": "Kept safe.", "timeZone": "Asia/Kuala_Lumpur",
            "opensAt": "2017-06-01T09:00", "closesAt": "2017-07-15 23:59", "graceMinutes": "30", "targetCohortSize": "25",
            "contactEmail": "Program@Example.org", "referencePrefix": "mwp2017", "published": "on",
            "nationalities": "my, np", "residences": "MY", "sector_ngo": "on", "minimumYears": "2",
            "requiredAnswers": "works_with_migrants: yes\nfocus: recruitment, detention",
        ])
    }

    @Test func aCompleteFormGivesTheCallAndItsRules() throws {
        let (call, rules) = try Self.valid.validated(id: UUID(), programID: UUID(), questions: Self.questions, current: nil)
        #expect(call.title.text(in: .malay) == "Pelawaan permohonan")
        #expect(call.languages == [.english, .malay])
        #expect(call.referencePrefix == "MWP2017")
        #expect(call.contactEmail == "program@example.org")
        #expect(call.isPublished && !call.allowsEditingAfterSubmit)
        // 23:59 in Kuala Lumpur (UTC+8) is 15:59 UTC.
        #expect(ISO8601DateFormatter().string(from: call.closesAt) == "2017-07-15T15:59:00Z")
        #expect(rules.nationalities.map(\.code).sorted() == ["MY", "NP"])
        #expect(rules.sectors == [.ngo])
        #expect(rules.minimumYearsOfExperience == 2)
        #expect(rules.requiredAnswers == ["works_with_migrants": ["yes"], "focus": ["recruitment", "detention"]])
        // And back: the form shows what was saved.
        let again = CallForm(call, rules: rules)
        #expect(again["closesAt"] == "2017-07-15T23:59")
        #expect(again["lang_ms"] == "on")
    }

    @Test(arguments: [
        ("title_en", "", "title_en"),
        ("closesAt", "2017-05-01T09:00", "closesAt"),
        ("opensAt", "1 June", "opensAt"),
        ("timeZone", "Mars/Olympus", "timeZone"),
        ("graceMinutes", "-5", "graceMinutes"),
        ("contactEmail", "nobody", "contactEmail"),
        ("referencePrefix", "M", "referencePrefix"),
        ("nationalities", "MY, XX", "nationalities"),
        ("minimumYears", "lots", "minimumYears"),
        ("requiredAnswers", "nosuch: yes", "requiredAnswers"),
        ("requiredAnswers", "works_with_migrants: maybe", "requiredAnswers"),
        ("requiredAnswers", "works_with_migrants", "requiredAnswers"),
    ])
    func eachBadValueIsNamedByItsField(field: String, value: String, expected: String) {
        var form = Self.valid
        form.values[field] = value
        do {
            _ = try form.validated(id: UUID(), programID: UUID(), questions: Self.questions, current: nil)
            Issue.record("accepted \(field) = \(value)")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == [expected])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func thePrefixIsFixedOnceReferencesAreOut() throws {
        let (call, _) = try Self.valid.validated(id: UUID(), programID: UUID(), questions: Self.questions, current: nil)
        var form = Self.valid
        form.values["referencePrefix"] = "MWP2018"
        form.currentHasReferences = true
        #expect(throws: ValidationFailure.self) { try form.validated(id: call.id, programID: call.programID, questions: Self.questions, current: call) }
        form.currentHasReferences = false
        #expect(try form.validated(id: call.id, programID: call.programID, questions: Self.questions, current: call).0.referencePrefix == "MWP2018")
    }

    @Test func aQuestionIsBuiltWithLabelsPerLanguageAndOptions() throws {
        let form = QuestionForm(values: [
            "key": "focus", "type": "single_choice", "required": "on", "label_en": "Your focus", "label_ms": "Tumpuan anda",
            "options": "domestic_work | Domestic work | Kerja domestik\nrecruitment | Recruitment\n\n",
        ])
        let question = try form.validated(languages: [.english, .malay], takenKeys: ["full_name"])
        #expect(question.required)
        #expect(question.label.text(in: .malay) == "Tumpuan anda")
        #expect(question.options.map(\.value) == ["domestic_work", "recruitment"])
        #expect(question.options[0].label.text(in: .malay) == "Kerja domestik")
        // Missing Malay falls back to English when shown.
        #expect(question.options[1].label.text(in: .malay) == "Recruitment")
        #expect(QuestionForm(question, languages: [.english, .malay])["options"].hasPrefix("domestic_work | Domestic work | Kerja domestik"))
    }

    @Test(arguments: [
        (["key": "Full Name", "type": "short_text", "label_en": "x"], "key"),
        (["key": "full_name", "type": "short_text", "label_en": "x"], "key"),
        (["key": "q", "type": "sound", "label_en": "x"], "type"),
        (["key": "q", "type": "short_text", "label_en": ""], "label_en"),
        (["key": "q", "type": "single_choice", "label_en": "x", "options": "only | One"], "options"),
        (["key": "q", "type": "long_text", "label_en": "x", "wordLimit": "0"], "wordLimit"),
        (["key": "q", "type": "number", "label_en": "x", "minimum": "10", "maximum": "1"], "maximum"),
        (["key": "q", "type": "file", "label_en": "x", "maxFileMB": "500"], "maxFileMB"),
    ])
    func aBadQuestionIsRefusedFieldByField(values: [String: String], field: String) {
        do {
            _ = try QuestionForm(values: values).validated(languages: [.english], takenKeys: ["full_name"])
            Issue.record("accepted \(values)")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == [field])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func editsKeepTheProfileFirstAndReorderTheRest() {
        let a = FormSection(key: "a", title: .init(english: "A"), questions: [
            Question(key: "q1", type: .shortText, label: .init(english: "1")), Question(key: "q2", type: .shortText, label: .init(english: "2")),
        ])
        let b = FormSection(key: "b", title: .init(english: "B"), questions: [])
        let sections = [ProfileSection.section, a, b]
        #expect(FormEdit.moveSection(sections, key: "a", .up).map(\.key) == ["profile", "a", "b"])
        #expect(FormEdit.moveSection(sections, key: "b", .up).map(\.key) == ["profile", "b", "a"])
        #expect(FormEdit.moveSection(sections, key: "profile", .down).map(\.key) == ["profile", "a", "b"])
        #expect(FormEdit.moveQuestion(sections, key: "q2", .up)[1].questions.map(\.key) == ["q2", "q1"])
        #expect(FormEdit.moveQuestion(sections, key: "q1", .up) == sections)
        #expect(FormEdit.moveQuestion(sections, key: "full_name", .down) == sections)
        #expect(FormEdit.removeSection(sections, key: "profile") == sections)
        #expect(FormEdit.removeQuestion(sections, key: "q1")[1].questions.map(\.key) == ["q2"])
        let added = FormEdit.putQuestion(sections, Question(key: "q3", type: .number, label: .init(english: "3")), sectionKey: "b", replacing: nil)
        #expect(added[2].questions.map(\.key) == ["q3"])
        let renamed = FormEdit.putQuestion(sections, Question(key: "q1b", type: .number, label: .init(english: "1")), sectionKey: "", replacing: "q1")
        #expect(renamed[1].questions.map(\.key) == ["q1b", "q2"])
        let moved = FormEdit.putQuestion(sections, Question(key: "q1", type: .shortText, label: .init(english: "1")), sectionKey: "b", replacing: "q1")
        #expect(moved[1].questions.map(\.key) == ["q2"])
        #expect(moved[2].questions.map(\.key) == ["q1"])
        // Never into the built-in profile.
        #expect(FormEdit.putQuestion(sections, Question(key: "q1", type: .shortText, label: .init(english: "1")), sectionKey: "profile",
                                     replacing: "q1") == sections)
    }
}
