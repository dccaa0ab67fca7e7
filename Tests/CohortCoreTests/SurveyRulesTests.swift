import CohortCore
import Foundation
import Testing

@Suite struct SurveyRulesTests {
    static let topics = TopicKeys.make(["The Migrant Workers Convention and its Committee", "ILO conventions on domestic work", "Universal Periodic Review",
                                        "Documenting cases", "Working with media", "Recruitment fees"])

    static func survey(_ kind: SurveyKind, privacy: SurveyPrivacy, pairID: UUID? = nil) -> Survey {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return Survey(id: UUID(), programID: UUID(), kind: kind, privacy: privacy, pairID: pairID, title: LocalizedText(english: "S"),
                      form: SurveyTemplate.form(kind, topics: topics), audience: .program, opensAt: now, closesAt: now.addingTimeInterval(86_400),
                      timeZone: "Asia/Kuala_Lumpur")
    }

    static func feedback(_ useful: String, best: String = "", country: String = "Nepal") -> SurveyAnswers {
        SurveyAnswers(answers: ["useful": .text(useful), "clear": .text("4"), "best": .text(best)], groups: [.country: country])
    }

    // MARK: Questions

    @Test func gridsAreAnsweredRowByRowAndCheckedAgainstTheScale() throws {
        let form = SurveyTemplate.form(.needsAssessment, topics: Self.topics)
        #expect(form.problems().isEmpty)
        let grid = try #require(form.question(NeedsRanking.needKey))
        var values = Dictionary(uniqueKeysWithValues: (grid.rows ?? []).map { (Question.rowKey(grid.key, row: $0.value), "4") })
        let answers = Answer.fromForm(values, questions: [grid])
        #expect(answers.count == Self.topics.count)
        #expect(AnswerValidator.problems(answers, questions: [grid]).isEmpty)
        values[Question.rowKey(grid.key, row: Self.topics[2].key)] = "9"
        #expect(AnswerValidator.problems(Answer.fromForm(values, questions: [grid]), questions: [grid])[grid.key] == .unknownOption)
        values[Question.rowKey(grid.key, row: Self.topics[2].key)] = ""
        #expect(AnswerValidator.problems(Answer.fromForm(values, questions: [grid]), questions: [grid])[grid.key] == .required)
        #expect(FormProgress(form: form, answers: Answer.fromForm(values, questions: [grid])).states[0] == .inProgress)
    }

    @Test func aGridWithoutRowsOrAScaleWithWordsIsRefused() {
        let broken = FormDefinition(version: 1, sections: [FormSection(key: "s", title: LocalizedText(english: "S"), questions: [
            Question(key: "g", type: .grid, label: LocalizedText(english: "G"), options: SurveyTemplate.needScale, rows: []),
            Question(key: "r", type: .rating, label: LocalizedText(english: "R"),
                     options: [ChoiceOption(value: "low", label: .init(english: "Low")), ChoiceOption(value: "high", label: .init(english: "High"))]),
        ])])
        #expect(Set(broken.problems().map(\.field)) == ["question.g", "question.r"])
    }

    @Test func everyStartingQuestionSpeaksEveryLanguage() {
        let all = Set(Language.allCases)
        for kind in SurveyKind.allCases {
            let form = SurveyTemplate.form(kind, topics: Self.topics)
            for section in form.sections { #expect(Set(section.title.values.keys) == all, "\(kind) \(section.key)") }
            for question in form.questions {
                #expect(Set(question.label.values.keys) == all, "\(kind) \(question.key)")
                for option in question.options { #expect(Set(option.label.values.keys) == all, "\(kind) \(question.key) \(option.value)") }
            }
        }
    }

    @Test func ratingsAreReadAsNumbersAndNothingElseIs() {
        #expect(ScaleValue.of("4") == 4 && ScaleValue.of("10") == 10 && ScaleValue.of("3.5") == 3.5)
        #expect(ScaleValue.of("") == nil && ScaleValue.of("inf") == nil && ScaleValue.of("four") == nil && ScaleValue.of(.list(["4"])) == nil)
        #expect(ScaleValue.of("12345678901234567890") == 12345678901234567890)
    }

    @Test func aCallsFormBuilderDoesNotOfferSurveyQuestions() {
        #expect(!QuestionType.callTypes.contains(.rating) && !QuestionType.callTypes.contains(.grid))
        #expect(QuestionType.callTypes.contains(.file))
    }

    @Test func topicKeysAreWellFormedAndUnique() {
        let keys = TopicKeys.make(["Working with media", "Working with media!", "2024 reforms", "ឯកសារ"])
        #expect(keys.map(\.key) == ["working_with_media", "working_with_media_2", "topic_2024_reforms", "topic"])
        #expect(keys.allSatisfy { Question.isValidKey(Question.rowKey("need", row: $0.key)) })
    }

    // MARK: Results and small cells

    @Test func aProtectedSurveyShowsNothingUnderTheThreshold() {
        let survey = Self.survey(.sessionFeedback, privacy: .anonymous)
        let four = (0..<4).map { _ in Self.feedback("5") }
        let withheld = SurveyResults.compute(survey, responses: four, invited: 20)
        #expect(withheld.withheld && withheld.items.isEmpty && withheld.responses == 4)
        let five = SurveyResults.compute(survey, responses: four + [Self.feedback("3")], invited: 20)
        #expect(!five.withheld && five.items.count == survey.form.items.count)
        #expect(abs((five.responseRate ?? 0) - 0.25) < 1e-12)
        // An identified survey shows its figures from the first answer: the names are visible anyway.
        let identified = SurveyResults.compute(Self.survey(.sessionFeedback, privacy: .identified), responses: [Self.feedback("5")], invited: 20)
        #expect(!identified.withheld)
        // A setting can raise the threshold.
        #expect(SurveyResults.compute(survey, responses: four + [Self.feedback("3")], invited: 20, threshold: 8).withheld)
    }

    @Test func ratingsAreCountedWithMeanAndSpread() throws {
        let survey = Self.survey(.sessionFeedback, privacy: .anonymous)
        let responses = ["5", "4", "4", "2", "5", ""].map { Self.feedback($0) }
        let results = SurveyResults.compute(survey, responses: responses, invited: 10)
        let useful = try #require(results.items.first { $0.key == "useful" })
        #expect(useful.answered == 5)
        #expect(useful.counts.map(\.count) == [0, 1, 0, 2, 2])
        #expect(abs(useful.counts[4].share - 0.4) < 1e-12)
        #expect(abs((useful.mean ?? 0) - 4) < 1e-12)
        // Sample standard deviation of 5, 4, 4, 2, 5: √(6 / 4).
        #expect(abs((useful.standardDeviation ?? 0) - 1.5.squareRoot()) < 1e-12)
    }

    @Test func textAnswersOfAProtectedSurveyAreShuffledAndOfAnIdentifiedOneKeptInOrder() throws {
        let responses = (1...6).map { Self.feedback("4", best: "answer \($0)") }
        let reversed = SurveyResults.compute(Self.survey(.sessionFeedback, privacy: .anonymous), responses: responses, invited: 6,
                                             shuffle: { $0.reversed() })
        #expect(try #require(reversed.items.first { $0.key == "best" }).texts.first == "answer 6")
        let identified = SurveyResults.compute(Self.survey(.sessionFeedback, privacy: .identified), responses: responses, invited: 6,
                                               shuffle: { $0.reversed() })
        #expect(try #require(identified.items.first { $0.key == "best" }).texts.first == "answer 1")
    }

    @Test func aBreakdownHidesSmallGroupsAndTheOneThatWouldFollowFromTheTotal() throws {
        let survey = Self.survey(.sessionFeedback, privacy: .anonymous)
        let item = try #require(survey.form.items.first { $0.key == "useful" })
        let responses = Array(repeating: Self.feedback("5", country: "Malaysia"), count: 7) + Array(repeating: Self.feedback("3", country: "Nepal"), count: 6)
            + [Self.feedback("1", country: "Cambodia")]
        let breakdown = ItemBreakdown.compute(item, responses: responses, by: .country)
        // Cambodia (one person) is hidden, and so is Nepal, the smallest shown: its mean would give Cambodia's away.
        #expect(breakdown.groups.map(\.name) == ["Malaysia"] && breakdown.hiddenGroups == 2)
        let two = ItemBreakdown.compute(item, responses: responses + Array(repeating: Self.feedback("2", country: "Cambodia"), count: 5), by: .country)
        #expect(two.groups.map(\.name) == ["Cambodia", "Malaysia", "Nepal"] && two.hiddenGroups == 0)
        let cambodia: Double = two.groups.first { $0.name == "Cambodia" }?.mean ?? 0
        #expect(abs(cambodia - 11.0 / 6) < 1e-12)
    }

    @Test func theCSVOfAProtectedSurveyHasNoPersonColumn() {
        let rows = [SurveyCSV.Row(person: ("Ana", "ana@example.org"), answers: Self.feedback("5"))]
        let anonymous = SurveyCSV.document(Self.survey(.sessionFeedback, privacy: .anonymous), rows: rows)
        #expect(!anonymous.contains("Ana") && !anonymous.contains("Email"))
        let identified = SurveyCSV.document(Self.survey(.sessionFeedback, privacy: .identified), rows: rows)
        #expect(identified.contains("\"Ana\",\"ana@example.org\""))
    }

    // MARK: Learning gains

    /// Worked by hand: before 2, 3, 2, 4, 3 and after 4, 4, 3, 5, 3 give gains 2, 1, 1, 1, 0: mean 1,
    /// standard deviation √0.5, t(0.975, 4) = 2.776445, half-width 2.776445 × √0.5 / √5 = 0.87798.
    @Test func learningGainsArePairedByPseudonymAndMatchAWorkedExample() throws {
        let pairID = UUID()
        let before = Self.survey(.preAssessment, privacy: .paired, pairID: pairID)
        let key = Question.rowKey("knowledge", row: Self.topics[0].key)
        func response(_ who: String, _ value: String) -> PairedResponse {
            PairedResponse(pseudonym: who, response: SurveyAnswers(answers: [key: .text(value)], groups: [.countryRole: who < "c" ? "Origin" : "Destination"]))
        }
        let first = zip(["a", "b", "c", "d", "e", "only-before"], ["2", "3", "2", "4", "3", "5"]).map(response)
        let second = zip(["a", "b", "c", "d", "e", "only-after", "other"], ["4", "4", "3", "5", "3", "1", "2"]).map(response)
        let gains = LearningGains.compute(before: first, after: second, items: before.form.items)
        #expect(gains.pairs == 5 && gains.unpaired == 3)
        let line = try #require(gains.items.first { $0.key == key })
        let gain = try #require(line.gain)
        #expect(abs(gain.meanBefore - 2.8) < 1e-12 && abs(gain.meanAfter - 3.8) < 1e-12 && abs(gain.meanGain - 1) < 1e-12)
        let interval = try #require(gain.confidenceInterval)
        #expect(abs(interval.lowerBound - 0.12202) < 1e-4 && abs(interval.upperBound - 1.87798) < 1e-4)
        #expect(abs(try #require(gain.effectSize) - 2.0.squareRoot()) < 1e-9)
        // The topic adds the topic's items up per person; here it has one rated item.
        #expect(abs((gains.topics.first { $0.key == Self.topics[0].key }?.gain?.meanGain ?? 0) - 1) < 1e-12)
        // An item nobody rated twice has no figures.
        #expect(gains.items.first { $0.key == Question.rowKey("knowledge", row: Self.topics[1].key) }?.gain == nil)
        // Two origin pairs and three destination pairs: each under five, so both are hidden.
        let byRole = try #require(gains.breakdowns.first { $0.dimension == .countryRole })
        #expect(byRole.groups.isEmpty && byRole.hiddenGroups == 2)
    }

    @Test func gainsRestingOnTooFewPairsAreWithheld() throws {
        let key = Question.rowKey("knowledge", row: Self.topics[0].key)
        let items = Self.survey(.preAssessment, privacy: .paired).form.items
        let people = ["a", "b", "c", "d"]
        let gains = LearningGains.compute(
            before: people.map { PairedResponse(pseudonym: $0, response: SurveyAnswers(answers: [key: .text("2")])) },
            after: people.map { PairedResponse(pseudonym: $0, response: SurveyAnswers(answers: [key: .text("4")])) }, items: items)
        let line = try #require(gains.items.first { $0.key == key })
        #expect(line.withheld && line.gain == nil && line.pairs == 4)
        #expect(gains.overall.withheld)
    }

    // MARK: Needs and the agenda

    @Test func needsAreRankedAndTopNeedsWithoutASessionAreGaps() throws {
        let survey = Self.survey(.needsAssessment, privacy: .anonymous)
        let need = { (topic: Int) in Question.rowKey(NeedsRanking.needKey, row: Self.topics[topic].key) }
        let responses = (0..<6).map { index in
            SurveyAnswers(answers: [need(0): .text("3"), need(1): .text("5"), need(2): .text(index < 3 ? "4" : "5"), need(3): .text("1"),
                                    need(4): .text("2"), need(5): .text("4")])
        }
        let sessionA = UUID(), sessionB = UUID()
        let ranking = NeedsRanking.compute(survey, responses: responses, invited: 8,
                                           links: [Self.topics[1].key: [sessionA], Self.topics[2].key: [sessionB]])
        #expect(ranking.needs.map(\.topic) == [1, 2, 5, 0, 4, 3].map { Self.topics[$0].key })
        #expect(ranking.needs.map(\.isGap) == [false, false, true, true, true, false])
        let statement = try #require(ranking.statement(numbers: [sessionA: 2, sessionB: 7]))
        #expect(statement == "Designed with program participants: 6 of 8 answered the needs assessment; 2 of the five most requested topics are covered, in sessions 2 and 7.")
        let all = NeedsRanking.compute(survey, responses: responses, invited: 8, links: Dictionary(uniqueKeysWithValues: Self.topics.map { ($0.key, [sessionA]) }))
        #expect(all.statement(numbers: [sessionA: 5]) == "Designed with program participants: 6 of 8 answered the needs assessment; the five most requested topics are covered in session 5.")
        #expect(NeedsRanking.compute(survey, responses: [], invited: 8, links: [:]).statement(numbers: [:]) == nil)
    }

    @Test func sessionsAreNumberedWithoutBreaksMealsOrCancellations() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func session(_ hour: Double, _ kind: SessionKind, cancelled: Bool = false) -> AgendaSession {
            var session = AgendaSession(id: UUID(), moduleID: UUID(), start: start.addingTimeInterval(hour * 3_600),
                                        end: start.addingTimeInterval(hour * 3_600 + 1_800), title: LocalizedText(english: "S"), kind: kind)
            session.isCancelled = cancelled
            return session
        }
        let sessions = [session(3, .workshop), session(1, .plenary), session(2, .breakTime), session(4, .meal), session(5, .panel, cancelled: true),
                        session(6, .groupWork)]
        let numbers = SessionNumbers.make(sessions)
        #expect([sessions[1], sessions[0], sessions[5]].map { numbers[$0.id] } == [1, 2, 3])
        #expect(numbers[sessions[2].id] == nil && numbers[sessions[4].id] == nil)
    }

    // MARK: The form

    @Test func aNewSurveyIsValidatedFieldByField() {
        let choices = SurveyForm.Choices(modules: [], sessions: [], pairable: [:])
        var form = SurveyForm(values: ["kind": "needsAssessment", "privacy": "anonymous", "audience": "module:\(UUID())", "timeZone": "Mars/Base",
                                       "opensAt": "2026-13-01 09:00", "closesAt": "", "reminderDays": "1e300", "title": ""])
        #expect(throws: ValidationFailure.self) { try form.validated(id: UUID(), programID: UUID(), choices: choices, current: nil) }
        do {
            _ = try form.validated(id: UUID(), programID: UUID(), choices: choices, current: nil)
        } catch let failure as ValidationFailure {
            #expect(Set(failure.errors.map(\.field)) == ["title", "audience", "timeZone", "opensAt", "closesAt", "reminderDays", "topics"])
        } catch { Issue.record("\(error)") }
        form = SurveyForm(values: ["kind": "preAssessment", "privacy": "anonymous", "audience": "program", "timeZone": "Asia/Kuala_Lumpur",
                                   "opensAt": "2026-12-01 09:00", "closesAt": "2026-12-10 09:00", "title": "Before", "topics": "A\nB\n\nC",
                                   "title_ne": "कार्यक्रमअघि", "intro_km": "", "title_ms": "Sebelum"])
        let survey = try? form.validated(id: UUID(), programID: UUID(), choices: choices, current: nil)
        // A self-assessment is always paired, starting its own pair.
        #expect(survey?.privacy == .paired && survey?.pairID == survey?.id)
        #expect(survey?.form.items.count == 6)
        // Translations given are kept; the rest fall back to English.
        #expect(survey?.title.text(in: .nepali) == "कार्यक्रमअघि" && survey?.title.text(in: .khmer) == "Before")
    }
}
