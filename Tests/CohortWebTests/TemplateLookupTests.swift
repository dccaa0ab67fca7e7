import CohortCore
@testable import CohortWeb
import CohortTestSupport
import Mustache
import Testing
import Vapor

/// The views that answer template lookups by name must answer every property they have,
/// or a field added later would silently render empty.
@Suite struct TemplateLookupTests {
    static func unanswered(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label else { return nil }
            let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            return !isNil && value.child(named: label) == nil ? label : nil
        }
    }

    @Test func everyPropertyIsAnsweredByName() {
        let choice = ApplicationListView.Choice(value: "np", label: "Nepal (3)", selected: true)
        let row = ApplicationListView.Row(href: "/a", checkboxName: "select__1", reference: "R-1", name: "N", status: "S", country: "C",
                                          sector: "S", eligible: "E", isIneligible: true, submitted: "2017-01-01")
        let status = StatusFormView(action: "/s", csrf: "c", selectName: "select__1", back: "/b", choices: [choice])
        let list = ApplicationListView(callTitle: "T", programTitle: "P", countText: "1", filters: [.init(name: "n", label: "l", choices: [choice])],
                                       search: "q", from: "f", to: "t", sorts: [choice], rows: [row], isEmpty: false, nextHref: "/n",
                                       firstHref: "/f", exportHref: "/e", exportWithIdentitiesHref: "/i", action: "/a", publicHref: "/p",
                                       statusForm: status, settingsHref: "/s", formHref: "/f", reviewHref: "/r", selectionHref: "/x")
        var field = FormField("f", "Label", value: "v", errors: [], hint: "h")
        field.error = "e"
        field.autocomplete = "email"
        field.inputMode = "numeric"
        field.accept = ".pdf"
        let option = FormField.Option(value: "v", label: "l", selected: true, id: "i", name: "n")
        #expect(Self.unanswered(choice).isEmpty)
        #expect(Self.unanswered(row).isEmpty)
        #expect(Self.unanswered(status).isEmpty)
        #expect(Self.unanswered(list).isEmpty)
        #expect(Self.unanswered(list.filters[0]).isEmpty)
        #expect(Self.unanswered(FieldView(field)).isEmpty)
        #expect(Self.unanswered(option).isEmpty)
    }

    @Test func theLayoutAnswersEveryPropertyByName() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let layout = Layout(request: request, title: "T", trail: [.init(label: "Staff", href: "/staff")], language: .malay, offered: [.english, .malay])
            #expect(Self.unanswered(layout).isEmpty)
            #expect(Self.unanswered(layout.links).isEmpty)
            #expect(Self.unanswered(layout.trail[0]).isEmpty)
            #expect(Self.unanswered(layout.languageLinks[0]).isEmpty)
            var field = FormField("email", "Email", value: "", errors: [])
            field.error = "Enter an email address."
            var form = FormView(request: request, action: "/calls/x/start", submitLabel: "Start", fields: [field])
            form.secondaryLabel = "Later"
            form.grid = FieldGrid(caption: "c", hint: "h", columns: ["a"], rows: [])
            #expect(Self.unanswered(form).isEmpty)
            #expect(Self.unanswered(form.errorSummary[0]).isEmpty)
            let call = CallPageView(t: ["k": "v"], title: "T", paragraphs: ["p"], deadline: "d", deadlineISO: "i", callZone: "z",
                                    localTimeScript: "/s", isOpen: true, notice: "n", languages: "l", eligibility: ["e"], privacy: ["p"],
                                    contact: "c", startForm: form, isSample: true)
            #expect(Self.unanswered(call).isEmpty)
        }
    }
}

/// Every conflict the domain can raise has its words in the English catalog, in one place.
@Suite struct ErrorMessageTests {
    @Test func everyConflictHasItsCatalogText() throws {
        let catalogs = try Catalogs.load()
        let words = Words(catalogs: catalogs, language: .english)
        for conflict in ErrorMessages.everyConflict {
            let (key, _) = ErrorMessages.catalogKey(conflict)
            #expect(catalogs.entries[.english]?[key] != nil, "no text for \(key)")
            let text = ErrorMessages.text(conflict, words: words)
            #expect(!text.isEmpty && !text.contains("{"), "\(key): \(text)")
        }
        #expect(ErrorMessages.text(.organisationIsPartner(programs: ["MWP 2006", "MWP 2017/18"]), words: words)
                == "This organisation is a partner in MWP 2006; MWP 2017/18. Remove it from those programs first.")
        #expect(ErrorMessages.describe(.conflict(.decisionsAlreadySent), words: words)
                == (.conflict, "Decisions for this call were already sent."))
    }

    /// So does every field a store can refuse, with its placeholders filled, beside its field.
    @Test func everyFieldRefusalHasItsCatalogText() throws {
        let catalogs = try Catalogs.load()
        let words = Words(catalogs: catalogs, language: .english)
        for problem in ErrorMessages.everyFieldProblem {
            let (key, _) = ErrorMessages.catalogKey(problem)
            #expect(catalogs.entries[.english]?[key] != nil, "no text for \(key)")
            let error = ErrorMessages.fieldError(FieldRefusal(problem), words: words)
            #expect(!error.message.isEmpty && !error.message.contains("{") && !error.field.isEmpty, "\(key): \(error.message)")
        }
        #expect(ErrorMessages.fieldError(FieldRefusal(.addressInUse(slug: "mwp-2006")), words: words)
                == FieldError("slug", "Another program already uses the address mwp-2006. Choose another."))
    }

    /// So does every refusal of the web layer, with every placeholder filled.
    @Test func everyRequestProblemHasItsCatalogText() throws {
        let catalogs = try Catalogs.load()
        let words = Words(catalogs: catalogs, language: .english)
        for problem in ErrorMessages.everyRequestProblem {
            let (status, _, key, arguments) = ErrorMessages.describe(problem)
            #expect(catalogs.entries[.english]?[key] != nil, "no text for \(key)")
            #expect(status.code >= 400)
            let text = words(key, arguments)
            #expect(!text.isEmpty && (problem == .answersNotAnObject || !text.contains("{")), "\(key): \(text)")
        }
        let throttled = ErrorMessages.describe(.tooManySignIns(retryAfterSeconds: 90))
        #expect(throttled.status == .tooManyRequests && throttled.headers.first(name: "Retry-After") == "90")
        #expect(words(throttled.key, throttled.arguments) == "Too many failed sign-ins. Wait 2 minutes, then try again.")
    }
}
