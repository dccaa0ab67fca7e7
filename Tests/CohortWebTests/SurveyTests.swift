import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Surveys as respondents, managers, API clients and someone with the database file meet
/// them: what each privacy mode keeps, answers never lost or doubled, reminders, small cells.
@Suite struct SurveyTests {
    static let next = DemoCatalog.nextEditionSlug

    /// A survey of the next edition, as the manager's form creates it, open now.
    static func create(_ app: Application, _ browser: Browser, kind: SurveyKind, privacy: SurveyPrivacy, title: String,
                       topics: String = "Documenting cases\nWorking with the media", pairWith: UUID? = nil, reminderDays: String = "2",
                       closesIn: TimeInterval = 7 * 86_400) async throws -> Survey {
        let now = app.wallClock.now
        let response = try await browser.post("/staff/programs/\(next)/surveys", [
            "kind": kind.rawValue, "privacy": privacy.rawValue, "title": title, "audience": "program", "timeZone": "Asia/Kuala_Lumpur",
            "opensAt": LocalDateTime.format(now.addingTimeInterval(-3_600), zone: "Asia/Kuala_Lumpur"),
            "closesAt": LocalDateTime.format(now.addingTimeInterval(closesIn), zone: "Asia/Kuala_Lumpur"),
            "topics": topics, "reminderDays": reminderDays, "pairWith": pairWith?.uuidString.lowercased() ?? "",
        ])
        #expect(response.status == .seeOther, "\(response.body.string.prefix(600))")
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: next))
        return try #require(try await SurveyStore(db: app.persistence).surveys(programID: program.id).map(\.survey).last { $0.title.text(in: .english) == title })
    }

    static func manager(_ app: Application) async throws -> Browser {
        let browser = Browser(app)
        _ = try await browser.signIn(Demo.manager.0, Demo.manager.1)
        return browser
    }

    static func nominee(_ app: Application, _ index: Int) async throws -> Browser {
        let browser = Browser(app)
        _ = try await PersonSignInTests.signIn(browser, DemoCatalog.nextNomineeEmail(index))
        return browser
    }

    /// Every field of every page, answered as a browser would send them.
    static func answers(_ survey: Survey, rating: String = "4", text: String = "Contacts in the countries of origin.") -> [[String: String]] {
        survey.form.sections.map { section in
            var fields: [String: String] = [:]
            for item in SurveyFormItems.items(section.questions) {
                switch item.question.type {
                case .rating, .grid: fields[item.key] = rating
                case .singleChoice: fields[item.key] = item.question.options.first?.value ?? ""
                case .number: fields[item.key] = "3"
                default: fields[item.key] = text
                }
            }
            return fields
        }
    }

    /// Answers every page and sends: the status of the send.
    @discardableResult
    static func respond(_ browser: Browser, _ survey: Survey, rating: String = "4", text: String = "Contacts in the countries of origin.") async throws -> HTTPStatus {
        let id = survey.id.uuidString.lowercased()
        for (index, fields) in answers(survey, rating: rating, text: text).enumerated() {
            let saved = try await browser.post("/me/surveys/\(id)/sections/\(index + 1)", fields)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(400))")
        }
        return try await browser.post("/me/surveys/\(id)/submit").status
    }

    /// Rows as text, whatever each database keeps a column as; an empty string for NULL.
    static func rows(_ app: Application, _ query: SQLQueryString) async throws -> [[String: String]] {
        try await app.persistence.read { sql in
            try sql.rows(query).map { row in
                Dictionary(uniqueKeysWithValues: row.allColumns.map { column in
                    let text: String? = if let value = try? row.decode(column: column, as: UUID.self) { value.uuidString.lowercased() }
                        else if let value = try? row.decode(column: column, as: String.self) { value }
                        else if let value = try? row.decode(column: column, as: Date.self) { value.description }
                        else if let value = try? row.decode(column: column, as: Int.self) { String(value) }
                        else { nil }
                    return (column, text ?? "")
                })
            }
        }
    }

    static func person(_ app: Application, email: String) async throws -> (id: String, name: String) {
        let row = try #require(try await rows(app, "SELECT id, full_name FROM people WHERE email = \(bind: email)").first)
        return (row["id"]!.lowercased(), row["full_name"]!)
    }

    @Test(arguments: TestDatabaseKind.all)
    func anAnonymousResponseHoldsNothingThatLeadsToItsPerson(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let survey = try await Self.create(app, try await Self.manager(app), kind: .sessionFeedback, privacy: .anonymous, title: "Anonymous one")
            let email = DemoCatalog.nextNomineeEmail(3)
            let nominee = try await Self.nominee(app, 3)
            #expect(try await Self.respond(nominee, survey, text: "A sentinel answer 7f3c") == .seeOther)
            let person = try await Self.person(app, email: email)
            let responses = try await Self.rows(app, "SELECT * FROM survey_responses WHERE survey_id = \(bind: survey.id)")
            #expect(responses.count == 1)
            let row = try #require(responses.first)
            #expect(row["answers"]?.contains("A sentinel answer 7f3c") == true)
            #expect((row["person_id"] ?? "").isEmpty && (row["pseudonym"] ?? "").isEmpty && (row["submitted_at"] ?? "").isEmpty)
            #expect(row["submitted_on"]?.count == 10)
            for (column, value) in row {
                #expect(!value.lowercased().contains(person.id) && !value.contains(email) && !value.contains(person.name), "\(column) leads to the person")
            }
            // Who answered is kept apart, so they are not reminded; their draft is gone.
            #expect(try await Self.rows(app, "SELECT person_id FROM survey_respondents WHERE survey_id = \(bind: survey.id)")
                .map { $0["person_id"]!.lowercased() } == [person.id])
            #expect(try await Self.rows(app, "SELECT id FROM survey_drafts WHERE survey_id = \(bind: survey.id)").isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func pairedPseudonymsMatchWithinAPairAndDifferAcrossPairs(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = try await Self.manager(app)
            let before = try await Self.create(app, manager, kind: .preAssessment, privacy: .anonymous, title: "Before")
            #expect(before.privacy == .paired && before.pairID == before.id)
            let after = try await Self.create(app, manager, kind: .postAssessment, privacy: .paired, title: "After", pairWith: before.id)
            #expect(after.pairID == before.id)
            let other = try await Self.create(app, manager, kind: .preAssessment, privacy: .paired, title: "Another pair")
            let nominee = try await Self.nominee(app, 4)
            for survey in [before, after, other] { #expect(try await Self.respond(nominee, survey) == .seeOther) }
            let second = try await Self.nominee(app, 5)
            #expect(try await Self.respond(second, before) == .seeOther)
            func pseudonyms(_ survey: Survey) async throws -> [String] {
                try await Self.rows(app, "SELECT pseudonym, person_id FROM survey_responses WHERE survey_id = \(bind: survey.id)").map {
                    #expect(($0["person_id"] ?? "").isEmpty)
                    return $0["pseudonym"] ?? ""
                }
            }
            let first = try await pseudonyms(before), last = try await pseudonyms(after), elsewhere = try await pseudonyms(other)
            #expect(first.count == 2 && last.count == 1 && elsewhere.count == 1)
            #expect(first.contains(last[0]) && !elsewhere.contains(last[0]) && Set(first).count == 2)
            let person = try await Self.person(app, email: DemoCatalog.nextNomineeEmail(4))
            #expect(!last[0].contains(person.id) && last[0].count == 32)
            // The API gives the pseudonyms, and never a person, for a paired survey.
            let token = try await app.makeAPIToken(email: Demo.manager.0, name: "Evaluation")
            let api = try await StaffAPITests.get(app, "/api/v1/surveys/\(after.id.uuidString.lowercased())/responses", token: token)
            #expect(api.status == .ok)
            // Under the threshold (one response): withheld.
            #expect(api.body.string.contains(#""withheld":true"#) && !api.body.string.contains(last[0]))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aResponseIsNeverLostOrDoubled(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let survey = try await Self.create(app, try await Self.manager(app), kind: .needsAssessment, privacy: .identified, title: "Needs")
            let id = survey.id.uuidString.lowercased()
            let nominee = try await Self.nominee(app, 0)
            let pages = Self.answers(survey, rating: "5")
            // Half of the first page, saved for later; it comes back in another browser.
            var half = pages[0]
            half.removeValue(forKey: half.keys.sorted().last!)
            let later = try await nominee.post("/me/surveys/\(id)/sections/1", half.merging(["action": "later"]) { $1 })
            #expect(later.status == .seeOther && later.headers.first(name: .location) == "/me/surveys/\(id)?saved=1")
            let elsewhere = try await Self.nominee(app, 0)
            let resumed = try await elsewhere.get("/me/surveys/\(id)/sections/1")
            #expect(resumed.body.string.components(separatedBy: " checked").count - 1 == half.count)
            // Sending with a page unfinished is refused, naming what is missing, and loses nothing.
            let early = try await elsewhere.post("/me/surveys/\(id)/submit")
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Some answers are missing"))
            let refused = try await elsewhere.post("/me/surveys/\(id)/sections/1", half)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Answer this question."))
            for (index, fields) in pages.enumerated() {
                #expect(try await elsewhere.post("/me/surveys/\(id)/sections/\(index + 1)", fields).status == .seeOther)
            }
            // Two tabs send at once, then a third click: one response.
            async let one = nominee.post("/me/surveys/\(id)/submit")
            async let two = elsewhere.post("/me/surveys/\(id)/submit")
            let statuses = [try await one.status, try await two.status]
            #expect(statuses.allSatisfy { $0 == .seeOther })
            #expect(try await nominee.post("/me/surveys/\(id)/submit").status == .seeOther)
            #expect(try await SurveyStore(db: app.persistence).responseCount(surveyID: survey.id) == 1)
            let thanks = try await nominee.get("/me/surveys/\(id)")
            #expect(thanks.body.string.contains("Your answers have been sent.") && !thanks.body.string.contains("/submit"))
            // An identified response carries its person and the time.
            let row = try #require(try await Self.rows(app, "SELECT person_id, submitted_at FROM survey_responses WHERE survey_id = \(bind: survey.id)").first)
            #expect(row["person_id"]?.lowercased() == (try await Self.person(app, email: DemoCatalog.nextNomineeEmail(0))).id)
            #expect(row["submitted_at"]?.isEmpty == false)
            // After sending, a page's answers can no longer change.
            #expect(try await nominee.post("/me/surveys/\(id)/sections/1", pages[0]).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aLateAnswerIsRefusedAndItsDraftKept(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let survey = try await Self.create(app, try await Self.manager(app), kind: .sessionFeedback, privacy: .anonymous, title: "Late",
                                           closesIn: 3_600)
            let id = survey.id.uuidString.lowercased()
            let nominee = try await Self.nominee(app, 1)
            let pages = Self.answers(survey)
            #expect(try await nominee.post("/me/surveys/\(id)/sections/1", pages[0]).status == .seeOther)
            app.wallClock = .fixed(survey.closesAt.addingTimeInterval(60))
            let late = try await nominee.post("/me/surveys/\(id)/sections/1", pages[0].merging(["best": "Written after closing"]) { $1 })
            #expect(late.status == .unprocessableEntity && late.body.string.contains("Your answers are kept, but they can no longer be sent."))
            #expect(try await nominee.post("/me/surveys/\(id)/submit").status == .unprocessableEntity)
            #expect(try await SurveyStore(db: app.persistence).responseCount(surveyID: survey.id) == 0)
            let person = try await Self.person(app, email: DemoCatalog.nextNomineeEmail(1))
            let draft = try await SurveyStore(db: app.persistence).standing(surveyID: survey.id, personID: UUID(uuidString: person.id)!)
            #expect(draft == .answering(Answer.fromForm(pages[0].merging(["best": "Written after closing"]) { $1 }, questions: survey.form.questions)))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func remindersGoOnlyToThoseWhoHaveNotAnswered(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = try await Self.manager(app)
            let survey = try await Self.create(app, manager, kind: .sessionFeedback, privacy: .anonymous, title: "Remind me", reminderDays: "3")
            let answered = [0, 1].map(DemoCatalog.nextNomineeEmail)
            for index in [0, 1] { #expect(try await Self.respond(try await Self.nominee(app, index), survey) == .seeOther) }
            let path = "/staff/programs/\(Self.next)/surveys/\(survey.id.uuidString.lowercased())"
            let outbox = OutboxStore(db: app.persistence)
            func reminders(_ email: String) async throws -> [OutgoingMessage] {
                try await outbox.messages(to: email).filter { $0.subject == "A survey is waiting for your answers" || $0.body.contains("Remind me") }
            }
            let sent = try await manager.post(path + "/remind")
            #expect(sent.status == .seeOther)
            for index in 0..<DemoCatalog.nextNomineeCount {
                let email = DemoCatalog.nextNomineeEmail(index)
                let messages = try await reminders(email)
                #expect(messages.count == (answered.contains(email) ? 0 : 1), "\(email)")
                if let message = messages.first {
                    #expect(message.body.contains("Remind me") && message.body.contains("/me/sign-in?next=%2Fme%2Fsurveys%2F"))
                }
            }
            // Not again within three days; again after.
            _ = try await manager.post(path + "/remind")
            #expect(try await reminders(DemoCatalog.nextNomineeEmail(7)).count == 1)
            app.wallClock = .fixed(app.wallClock.now.addingTimeInterval(3 * 86_400 + 60))
            // Three days on, the manager signs in again.
            #expect(try await Self.manager(app).post(path + "/remind").status == .seeOther)
            #expect(try await reminders(DemoCatalog.nextNomineeEmail(7)).count == 2)
            #expect(try await reminders(answered[0]).isEmpty)
        }
    }

    /// The maintenance loop's part: every open survey's due reminder, claimed in the database
    /// so that two instances running it at once send it once.
    @Test(arguments: TestDatabaseKind.all)
    func dueRemindersGoOutOnceWhateverRunsThem(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let now = app.wallClock.now
            async let first: Void = SurveyReminders.sendDue(app, now: now)
            async let second: Void = SurveyReminders.sendDue(app, now: now)
            _ = try await (first, second)
            try await SurveyReminders.sendDue(app, now: now.addingTimeInterval(3_600))
            func reminders(_ index: Int) async throws -> Int {
                try await OutboxStore(db: app.persistence).messages(to: DemoCatalog.nextNomineeEmail(index))
                    .filter { $0.subject == "A survey is waiting for your answers" }.count
            }
            // The next edition's needs assessment: six of the eight nominees answered, the first two did not.
            #expect(try await reminders(0) == 1)
            #expect(try await reminders(1) == 1)
            for index in 2..<DemoCatalog.nextNomineeCount { #expect(try await reminders(index) == 0) }
            // Four days on (its setting), the second reminder.
            try await SurveyReminders.sendDue(app, now: now.addingTimeInterval(4 * 86_400 + 60))
            #expect(try await reminders(0) == 2)
            // Closed surveys remind nobody: the 2006 participants have none.
            #expect(try await OutboxStore(db: app.persistence).messages(to: PersonSignInTests.participant).isEmpty)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func smallCellsAreSuppressedOnThePageTheCSVAndTheAPI(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = try await Self.manager(app)
            let survey = try await Self.create(app, manager, kind: .sessionFeedback, privacy: .anonymous, title: "Small")
            let path = "/staff/programs/\(Self.next)/surveys/\(survey.id.uuidString.lowercased())"
            let token = try await app.makeAPIToken(email: Demo.manager.0, name: "Evaluation")
            let api = "/api/v1/surveys/\(survey.id.uuidString.lowercased())/responses"
            for index in 0..<4 { #expect(try await Self.respond(try await Self.nominee(app, index), survey, text: "Answer \(index)") == .seeOther) }
            let page = try await manager.get(path)
            #expect(page.body.string.contains("Fewer than 5 people have answered") && !page.body.string.contains("<svg"))
            #expect(!page.body.string.contains("Answer 1"))
            #expect(try await manager.get(path + "/results.csv").status == .unprocessableEntity)
            #expect(try await StaffAPITests.get(app, api, token: token).body.string.contains(#""withheld":true"#))
            #expect(try await Self.respond(try await Self.nominee(app, 4), survey, text: "Answer 4") == .seeOther)
            let shown = try await manager.get(path)
            #expect(shown.body.string.contains("<svg") && shown.body.string.contains("Answer 1"))
            // Eight nominees from four countries: every country group is under five, so none is shown.
            #expect(shown.body.string.contains("groups hidden: fewer than 5 people"))
            let csv = try await manager.get(path + "/results.csv")
            #expect(csv.status == .ok && !csv.body.string.contains("nominee-next") && !csv.body.string.contains("Kavitha"))
            let json = try await StaffAPITests.get(app, api, token: token)
            #expect(json.body.string.contains(#""withheld":false"#) && !json.body.string.contains(#""person""#))
            #expect(json.body.string.contains(#""key":"useful","value":4"#))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theNeedsAssessmentShapesTheAgenda(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let agenda = try await Browser(app).get("/programs/mwp-2017-18/agenda")
            #expect(agenda.body.string.contains("Designed with program participants: 24 of 28 answered the needs assessment; the five most requested topics are covered in sessions"))
            #expect(agenda.body.string.contains("Session 7 ·"))
            let manager = try await Self.manager(app)
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: Self.next))
            let needs = try #require(try await SurveyStore(db: app.persistence).surveys(programID: program.id).first { $0.survey.kind == .needsAssessment }?.survey)
            let path = "/staff/programs/\(Self.next)/surveys/\(needs.id.uuidString.lowercased())/needs"
            let page = try await manager.get(path)
            #expect(page.status == .ok && page.body.string.contains("Digital security for advocates"))
            #expect(page.body.string.contains("have no session answering them yet"))
            // A session of another program cannot be linked; one of this program can.
            func session(of slug: String) async throws -> String {
                try #require(try await Self.rows(app, """
                    SELECT s.id FROM agenda_sessions s JOIN program_modules m ON m.id = s.module_id JOIN programs p ON p.id = m.program_id \
                    WHERE p.slug = \(bind: slug) ORDER BY s.start_at
                    """).first?["id"]).lowercased()
            }
            let own = try #require(UUID(uuidString: try await session(of: Self.next)))
            let foreign = try await session(of: "mwp-2006")
            let topic = "digital_security_for_advocates"
            let saved = try await manager.post(path, ["link__\(topic)__\(own.uuidString.lowercased())": "on", "link__\(topic)__\(foreign.lowercased())": "on",
                                                      "link__no_such_topic__\(own.uuidString.lowercased())": "on"])
            #expect(saved.status == .seeOther)
            let links = try await SurveyStore(db: app.persistence).needLinks(surveyID: needs.id)
            #expect(links[topic] == [own] && links["no_such_topic"] == nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func facilitatorsSeeTheNeedsBesideTheAgendaAndParticipantsDoNot(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let facilitator = Browser(app)
            _ = try await PersonSignInTests.signIn(facilitator, PersonSignInTests.facilitator)
            let page = try await facilitator.get("/me/programs/mwp-2006/agenda")
            #expect(page.status == .ok && page.body.string.contains("What participants need most"))
            #expect(page.body.string.contains("The Convention on Migrant Workers and the rights it protects"))
            #expect(page.body.string.contains("Designed with program participants: 26 of 32 answered the needs assessment"))
            let participant = Browser(app)
            _ = try await PersonSignInTests.signIn(participant, PersonSignInTests.participant)
            let theirs = try await participant.get("/me/programs/mwp-2006/agenda")
            #expect(theirs.status == .ok && !theirs.body.string.contains("What participants need most"))
            #expect(theirs.body.string.contains("Designed with program participants"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theParticipantsListCountsTheSurveysEachAnswered(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = try await Self.manager(app)
            let page = try await manager.get("/staff/programs/mwp-2017-18/participants")
            #expect(page.body.string.contains("Surveys answered") && page.body.string.contains(" of 5</td>"))
            let csv = try await manager.get("/staff/programs/mwp-2017-18/participants.csv")
            #expect(csv.body.string.hasPrefix(#""Country","Role of the country""#) && csv.body.string.contains(#""Surveys answered","Surveys asked""#))
            let records = try await ProgramParticipantsStore(db: app.persistence)
                .participants(programID: try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2017-18")).id, now: app.wallClock.now)
            // 24 answered the needs assessment, 27 the self-assessment before, 25 after, 19 a session's feedback, 22 Module 3's evaluation.
            let answered: Int = records.map(\.surveysAnswered).reduce(0, +)
            #expect(answered == 117)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func learningGainsForAStaffToken(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let token = try await app.makeAPIToken(email: Demo.manager.0, name: "Evaluation")
            let response = try await StaffAPITests.get(app, "/api/v1/programs/mwp-2017-18/learning-gains", token: token)
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            let pair = try #require((json["pairs"] as? [[String: Any]])?.first)
            #expect(pair["pairs"] as? Int == 25 && pair["unpaired"] as? Int == 2)
            let topics = try #require(pair["topics"] as? [[String: Any]])
            #expect(topics.count == 8 && topics.allSatisfy { ($0["ci95"] as? [Double])?.count == 2 && ($0["meanGain"] as? Double ?? 0) > 0 })
            let breakdowns = try #require(pair["breakdowns"] as? [[String: Any]])
            #expect(breakdowns.map { $0["dimension"] as? String } == ["countryRole", "country", "sector", "gender"])
            // The manager of 2017/18 does not manage 2006.
            #expect(try await StaffAPITests.get(app, "/api/v1/programs/mwp-2006/learning-gains", token: token).status == .notFound)
            let list = try await StaffAPITests.get(app, "/api/v1/programs/mwp-2017-18/surveys", token: token)
            #expect(list.body.string.contains(#""kind":"needsAssessment""#) && list.body.string.contains(#""privacy":"paired""#))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func hostileInputGetsAClearAnswer(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = try await Self.manager(app)
            let base = "/staff/programs/\(Self.next)/surveys"
            let hostile = try await manager.post(base, [
                "kind": "'; DROP TABLE surveys; --", "privacy": "everyone", "title": "", "audience": "module:not-a-uuid",
                "timeZone": "../../etc/passwd", "opensAt": "1e300", "closesAt": "9999-99-99T99:99", "reminderDays": "-1",
                "topics": String(repeating: "Topic\n", count: 5_000), "pairWith": "0",
            ])
            #expect(hostile.status == .unprocessableEntity)
            #expect(hostile.body.string.contains("Choose what the survey is for.") && hostile.body.string.contains("Enter a whole number of days"))
            #expect(hostile.body.string.contains("Choose who is asked") && hostile.body.string.contains("Choose the time zone"))
            let topics = try await manager.post(base, ["kind": "needsAssessment", "topics": String(repeating: "Topic\n", count: 5_000)])
            #expect(topics.status == .unprocessableEntity && topics.body.string.contains("List at most 20 topics"))
            // What was typed comes back in the form.
            #expect(topics.body.string.contains("Topic\nTopic"))
            // A control character has no place in any field: refused before anything is read.
            #expect(try await manager.post(base, ["title": "Title\u{0007}"]).status == .badRequest)
            let survey = try await Self.create(app, manager, kind: .needsAssessment, privacy: .anonymous, title: "Hostile")
            let id = survey.id.uuidString.lowercased()
            let nominee = try await Self.nominee(app, 6)
            for page in ["0", "-1", "1e300", "99999999999999999999", "x"] {
                #expect(try await nominee.get("/me/surveys/\(id)/sections/\(page)").status == .notFound, "\(page)")
            }
            #expect(try await nominee.get("/me/surveys/not-a-survey").status == .notFound)
            let grid = try #require(survey.form.question(NeedsRanking.needKey)?.rows?.first?.value)
            let odd = try await nominee.post("/me/surveys/\(id)/sections/1", [
                "need__\(grid)": "1e300", "knowledge__\(grid)": String(repeating: "9", count: 100_000), "need__\(grid)__extra": "x",
            ])
            #expect(odd.status == .unprocessableEntity && odd.body.string.contains("Choose one of the options"))
            // What was typed is kept, and the draft holds only the form's own answers once sent.
            #expect(try await nominee.post("/me/surveys/\(id)/submit").status == .unprocessableEntity)
            #expect(try await Browser(app).post("/me/surveys/\(id)/submit").status == .seeOther)
            let noCSRF = try await nominee.post("/me/surveys/\(id)/submit", csrf: false)
            #expect(noCSRF.status == .forbidden)
            #expect(try await manager.post(base + "/\(id)/remind", csrf: false).status == .forbidden)
        }
    }
}

/// The items of some questions (a grid's rows one by one), for filling in their fields.
enum SurveyFormItems {
    static func items(_ questions: [Question]) -> [SurveyItem] {
        FormDefinition(version: 1, sections: [FormSection(key: "s", title: LocalizedText(english: "S"), questions: questions)]).items
    }
}
