import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor

/// Key pages drawn from fixed models and compared with the HTML kept in `Snapshots/`: a change
/// to a template or a page model shows here as a diff to read. After a change meant to alter a
/// page, record again with `COHORT_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`
/// and read the diff before committing it.
@Suite struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let csrf = String(repeating: "c", count: 43)
    static let callID = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!

    static func check(_ name: String, _ html: String) throws {
        let file = folder.appendingPathComponent(name + ".html")
        if ProcessInfo.processInfo.environment["COHORT_RECORD_SNAPSHOTS"] != nil {
            try html.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let kept = try String(contentsOf: file, encoding: .utf8)
        #expect(html == kept, "\(name) differs from Snapshots/\(name).html")
    }

    static func layout(_ title: String, language: Language = .english, offered: [Language]? = nil, signedIn: Bool = false) -> Layout {
        Layout(title: title, isError: false, stylesheet: "/static/cohort.css?v=fixed", accountName: signedIn ? "Manager" : nil,
               isStaff: signedIn, csrf: signedIn ? csrf : nil, flash: nil, trail: signedIn ? [.init(label: "Staff", href: "/staff")] : [],
               language: language, offered: offered, path: "/calls/\(callID.uuidString.lowercased())", languageLabel: "Language")
    }

    /// A request that carries a fixed CSRF cookie, so forms hold a known token.
    static func request(_ app: Application) -> Request {
        let request = Request(application: app, on: app.eventLoopGroup.next())
        request.headers.replaceOrAdd(name: .cookie, value: "cohort-csrf=\(csrf)")
        return request
    }

    @Test func theProgramPage() async throws {
        let renderer = try await PageRenderer.load()
        let program = Program(id: Self.callID, slug: "mwp-2006", title: "Migrant Workers Program 2006", theme: "Migrant workers' rights",
                              hostCountry: Country(code: "MY")!, startDate: CalendarDate(iso: "2006-04-07")!,
                              endDate: CalendarDate(iso: "2006-04-11")!, summary: "A consultation and training workshop.",
                              description: "Advocates from countries of origin and destination.\n\nFive days in Petaling Jaya.",
                              status: .completed, leadOrganisationID: nil)
        let detail = ProgramDetail(program: program, partnerships: [], modules: [], countries: [], participantCount: 32)
        let page = Page(layout: Self.layout(program.title), content: ProgramView(detail, openCalls: []))
        try Self.check("program", try #require(renderer.render(page, template: .program)))
    }

    @Test func theCallPage() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let renderer = try await PageRenderer.load()
            var email = FormField("email", "Your email address", value: "", errors: [], hint: "We send your private link here.")
                .type("email", autocomplete: "email")
            email.error = nil
            let form = FormView(request: Self.request(app), action: SiteURL.startApplication(callID: Self.callID).path,
                                submitLabel: "Start application", fields: [email])
            let view = CallPageView(
                t: ["call_languages": "Languages", "call_whoMayApply": "Who may apply", "call_privacy": "Your data",
                    "start_heading": "Start your application", "start_intro": "We email you a private link.", "common_sample": "Sample",
                    "call_yourTime": "Your time"],
                title: "Call for applications", paragraphs: ["Advocates working with migrant workers.", "Five modules over a year."],
                deadline: "Closes 31 January 2027, 23:59 Malaysia Time", deadlineISO: "2027-01-31T15:59:00Z", callZone: "Asia/Kuala_Lumpur",
                localTimeScript: "/static/localtime.js?v=fixed", isOpen: true, notice: nil, languages: "English · Bahasa Melayu",
                eligibility: ["Nationality: Malaysia, Nepal"], privacy: ["We keep your data safe."], contact: "Questions: program@example.org",
                startForm: form, isSample: false)
            let page = Page(layout: Self.layout(view.title, offered: [.english, .malay]), content: view)
            try Self.check("call", try #require(renderer.render(page, template: .call)))
        }
    }

    @Test func theStaffList() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let renderer = try await PageRenderer.load()
            let call = Call(id: Self.callID, programID: Self.callID, title: .init(english: "Call for applications"),
                            description: .init(english: "Apply."), opensAt: Date(timeIntervalSince1970: 1_790_000_000),
                            closesAt: Date(timeIntervalSince1970: 1_800_000_000), timeZone: "Asia/Kuala_Lumpur", languages: [.english, .malay],
                            privacyNotice: .init(english: "Safe."), contactEmail: "program@example.org", isPublished: true, referencePrefix: "MWP2017")
            let program = Program(id: Self.callID, slug: "mwp-2017-18", title: "Migrant Workers Program 2017/18", theme: "Migrant workers",
                                  hostCountry: Country(code: "MY")!, startDate: CalendarDate(iso: "2017-07-01")!,
                                  endDate: CalendarDate(iso: "2018-06-30")!, summary: "Five modules.", description: "Five modules.",
                                  status: .open, leadOrganisationID: nil)
            let items = (1...3).map { (n: Int) -> ApplicationSummary in
                let id = UUID(uuidString: "00000000-0000-4000-8000-00000000000\(n)")!
                let created = Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 3600)
                let submitted = Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 7200)
                let reasons: [String] = n == 3 ? ["Nationality is not one of the call's."] : []
                return ApplicationSummary(id: id, reference: "MWP2017-000\(n)", status: .submitted, fullName: "Applicant \(n)",
                                          email: "a\(n)@example.org", nationality: n == 2 ? "NP" : "MY", sector: "ngo", gender: "woman",
                                          language: .english, isEligible: n != 3, ineligibilityReasons: reasons,
                                          createdAt: created, submittedAt: submitted)
            }
            let listPage = ApplicationListStore.Page(items: items, total: 3, next: nil,
                                                     facets: [.status: ["submitted": 3], .nationality: ["MY": 2, "NP": 1], .sector: ["ngo": 3],
                                                              .gender: ["woman": 3], .language: ["en": 3]])
            let view = ApplicationListPresenter(request: Self.request(app), call: call, program: program, filter: ApplicationFilter(),
                                                sort: .newest, page: listPage, isFirstPage: true, mayDecide: true, mayManage: true).view()
            let page = Page(layout: Self.layout("Applications", signedIn: true), content: view)
            try Self.check("staff-list", try #require(renderer.render(page, template: .staffApplications)))
        }
    }

    static let applicationID = UUID(uuidString: "00000000-0000-4000-8000-0000000000aa")!

    /// A section that asks one question of each kind a page draws differently.
    static let workSection = FormSection(key: "work", title: .init(english: "Your work"), intro: .init(english: "Tell us what you do."), questions: [
        Question(key: "motivation", type: .longText, label: .init(english: "Why do you want to take part?"), required: true, wordLimit: 300),
        Question(key: "sector", type: .singleChoice, label: .init(english: "Sector"), required: true,
                 options: [.init(value: "ngo", label: .init(english: "NGO")), .init(value: "union", label: .init(english: "Trade union"))]),
        Question(key: "topics", type: .multipleChoice, label: .init(english: "Topics"),
                 options: [.init(value: "recruitment", label: .init(english: "Recruitment")), .init(value: "wages", label: .init(english: "Wages"))]),
        Question(key: "years", type: .number, label: .init(english: "Years of experience"), minimum: 0, maximum: 60),
        Question(key: "cv", type: .file, label: .init(english: "Your CV"), fileTypes: ["pdf"], maxFileBytes: 2_000_000, isIdentifying: true),
    ])
    static let form = FormDefinition(version: 1, sections: [workSection])
    static let answers: [String: Answer] = ["motivation": .text("I organise domestic workers in Kuala Lumpur."), "sector": .text("ngo"),
                                            "topics": .list(["wages"]), "years": .text("sixty-one")]

    static func call() -> Call {
        Call(id: callID, programID: callID, title: .init(english: "Call for applications"),
             description: .init(english: "Apply."), opensAt: Date(timeIntervalSince1970: 1_790_000_000),
             closesAt: Date(timeIntervalSince1970: 1_800_000_000), timeZone: "Asia/Kuala_Lumpur", languages: [.english, .malay],
             privacyNotice: .init(english: "Safe."), contactEmail: "program@example.org", isPublished: true, referencePrefix: "MWP2017")
    }

    /// The section as an applicant sees it after a save that refused one answer, with a file attached.
    @Test func theApplicationSection() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let renderer = try await PageRenderer.load()
            let file = UploadedFile(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000f1")!, applicationID: Self.applicationID,
                                    questionKey: "cv", fileName: "cv.pdf", kind: .pdf, byteSize: 48_213,
                                    createdAt: Date(timeIntervalSince1970: 1_790_000_000))
            var answers = Self.answers
            answers["cv"] = .text(file.id.uuidString.lowercased())
            let words = Words(catalogs: app.catalogs, language: .english)
            let view = SectionPageView(request: Self.request(app), call: Self.call(), form: Self.form, index: 0, applicationID: Self.applicationID,
                                       answers: answers, messages: ["years": words.problem(.notANumber)], files: [file],
                                       script: "/static/autosave.js?v=fixed", words: words)
            let page = Page(layout: Self.layout("Your work", offered: [.english, .malay]), content: view)
            try Self.check("section", try #require(renderer.render(page, template: .section)))
        }
    }

    /// A reviewer's page under blind review: the identifying question is hidden, one score was refused.
    @Test func theReviewPage() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let renderer = try await PageRenderer.load()
            let rubric = Rubric(criteria: [
                .init(key: "experience", name: "Experience", description: "Years of work with migrant workers.", weight: 2),
                .init(key: "reach", name: "Reach", lowest: 0, highest: 3),
            ])
            var values = ReviewFormValues()
            values.scores = ["experience": 4]
            values.comment = "Strong organiser."
            let view = ReviewPageView(request: Self.request(app), callID: Self.callID, applicationID: Self.applicationID, reference: "MWP2017-0042",
                                      answers: Self.answers, form: Self.form, rubric: rubric, isBlind: true, values: values,
                                      errors: [FieldError("s_reach", "Choose a score for Reach.")],
                                      words: Words(catalogs: app.catalogs, language: .english))
            let page = Page(layout: Self.layout(view.heading, signedIn: true), content: view)
            try Self.check("review", try #require(renderer.render(page, template: .reviewApplication)))
        }
    }

    /// A selection run solved from a fixed instance: who is in, who is left out and why, the composition.
    @Test func theSelectionRun() async throws {
        let renderer = try await PageRenderer.load()
        let people: [(String, Double?, String, String)] = [
            ("MWP2017-0001", 9.5, "MY", "man"), ("MWP2017-0002", 9.0, "MY", "man"), ("MWP2017-0003", 8.0, "NP", "woman"),
            ("MWP2017-0004", 7.5, "BD", "woman"), ("MWP2017-0005", 7.0, "PH", "man"), ("MWP2017-0006", nil, "KH", "woman"),
        ]
        let instance = try SelectionInstance(name: "Module 1", cohortSize: 3, quotas: [
            SelectionQuota(attribute: "gender", selector: .value("woman"), min: 2),
            SelectionQuota(attribute: "country", selector: .value("MY"), max: 1),
        ], applicants: people.map { SelectionApplicant(id: $0.0, score: $0.1, attributes: ["country": $0.2, "gender": $0.3]) })
        let solution = try SelectionSolver.solve(instance)
        let run = SelectionRun(id: Self.applicationID, callID: Self.callID, name: "First try", createdBy: Self.callID,
                               createdAt: Date(timeIntervalSince1970: 1_790_000_000), form: [:], instance: try instance.json(),
                               status: solution.status, selected: solution.selected, objective: solution.objective, conflict: solution.conflict)
        let ids = Dictionary(uniqueKeysWithValues: people.enumerated().map {
            ($0.element.0, UUID(uuidString: "00000000-0000-4000-8000-00000000000\($0.offset)")!)
        })
        let view = try SelectionRunPresenter(callID: Self.callID).view(run: run, instance: instance, applicationIDs: ids)
        let page = Page(layout: Self.layout(run.name, signedIn: true), content: view)
        try Self.check("selection-run", try #require(renderer.render(page, template: .staffSelectionRun)))
    }
}
