import CohortCore
import CohortStore
import Vapor

/// An applicant's own application: one section per page, check answers, submit, receipt, withdraw.
/// The private link's token, kept in an HttpOnly cookie, is the only key; any other
/// application answers 404.
struct ApplicationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.application, use: overview)
        routes.get(.applicationSection, use: section)
        // A section with a file question posts its file with the answers.
        routes.postLarge(.applicationSection, maxBytes: FileCheck.absoluteMaxBytes + 1_048_576, use: saveSection)
        routes.get(.applicationFile, use: file)
        routes.get(.applicationReview, use: review)
        routes.post(.applicationSubmit, use: submit)
        routes.get(.applicationReceipt, use: receipt)
        routes.post(.applicationWithdraw, use: withdraw)
    }

    func overview(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let (application, call, form, words) = (context.application, context.call, context.form, context.words)
        let progress = FormProgress(form: form, answers: application.answers)
        let editable = application.isEditable(call: call, at: req.now)
        let sections = form.sections.enumerated().map { index, section in
            ApplicationOverviewView.SectionItem(
                title: section.title.text(in: words.language),
                href: editable ? SiteURL.applicationSection(application.id, index: index).path : nil,
                state: words("app.state.\(progress.states[index].rawValue)"), stateClass: "state-\(progress.states[index].rawValue)")
        }
        var notice: String?
        if req.query[String.self, at: "saved"] != nil { notice = words("app.saved") }
        if application.status == .draft && !call.acceptsSubmission(at: req.now) && req.now > call.closesAt {
            notice = words("app.closed", ["date": words.dateTime(call.closesAt, zone: call.timeZone)])
        }
        if application.status == .withdrawn { notice = words("app.withdrawn") }
        let submitted = application.submittedAt.map {
            words("app.submittedOn", ["date": words.dateTime($0, zone: call.timeZone), "reference": application.reference ?? ""])
        }
        var view = ApplicationOverviewView(
            t: WordTable(words, keys: ["app.heading", "app.review"]).table, callTitle: call.title.text(in: words.language),
            progress: words("app.progress", ["done": "\(progress.completeCount)", "total": "\(form.sections.count)"]),
            sections: sections, reviewHref: application.status == .draft ? SiteURL.applicationReview(application.id).path : nil,
            notice: notice, submittedText: application.status.isSubmitted ? submitted : nil,
            withdraw: application.status == .withdrawn ? nil : DangerAction(
                label: words("app.withdraw"), consequence: words("app.withdrawConfirm"),
                action: SiteURL.applicationWithdraw(application.id).path, csrf: req.csrfToken()),
            readHref: application.status == .draft ? nil : SiteURL.applicationReview(application.id).path)
        if let decision = try await DecisionStore(db: req.persistence).decision(applicationID: application.id) {
            view.decision = Self.decisionView(decision, words: words, zone: call.timeZone, action: SiteURL.applicationDecision(application.id).path,
                                              csrf: req.csrfToken(), now: req.now)
            // An offered place is answered with the decision's buttons, not by withdrawing.
            if decision.outcome == .accepted { view.withdraw = nil }
        }
        return context.page(.application, title: words("app.heading"), view)
    }

    static func decisionView(_ decision: SelectionDecision, words: Words, zone: String, action: String, csrf: String, now: Date) -> ApplicantDecisionView {
        let text: String
        var open = false
        switch (decision.outcome, decision.response) {
        case (.accepted, .confirmed?): text = words("decision.confirmed")
        case (.accepted, .declined?): text = words("decision.declinedByYou")
        case (.accepted, nil):
            open = decision.refusal(at: now) == nil
            text = open ? words("decision.accepted", ["date": decision.respondBy.map { words.dateTime($0, zone: zone) } ?? ""]) : words("decision.expired")
        case (.waitlisted, _): text = words("decision.waitlisted")
        case (.declined, _): text = words("decision.notSelected")
        }
        return ApplicantDecisionView(heading: words("decision.heading"), text: text, action: open ? action : nil, csrf: csrf,
                                     confirmLabel: words("decision.confirm"), declineLabel: words("decision.decline"))
    }

    func section(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let index = try context.sectionIndex(req)
        guard context.application.isEditable(call: context.call, at: req.now) else {
            return req.redirect(to: SiteURL.application(context.application.id).path, redirectType: .normal)
        }
        return try await sectionPage(context, index: index, answers: context.application.answers, messages: [:], status: .ok)
    }

    func saveSection(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let index = try context.sectionIndex(req)
        let application = context.application
        guard application.isEditable(call: context.call, at: req.now) else { throw DomainError.refused(context.words("app.readOnly")) }
        let submission = try req.formSubmission()
        let values = submission.values
        let questions = context.form.sections[index].questions
        let answers = QuestionFields.answers(values, questions: questions)
        var fileMessages: [String: String] = [:]
        var files: [ApplicationStore.NewFile] = []
        for question in questions where question.type == .file {
            guard let part = submission.files[question.key] else { continue }
            switch FileUploads.accept(part, for: question) {
            case .failure(let refusal): fileMessages[question.key] = context.words.fileProblem(refusal.problem)
            case .success(let upload):
                files.append(.init(questionKey: question.key, fileName: upload.name, kind: upload.kind, bytes: part.bytes))
            }
        }
        // Saved first, valid or not (nothing typed is ever thrown away), with the files in the same transaction.
        let saved = try await ApplicationStore(db: req.persistence).saveSection(
            application, answers: answers, files: files, language: context.words.language == application.language ? nil : context.words.language,
            rules: context.rules, now: req.now)
        if values["action"] == "autosave" {
            return Response(status: .noContent)
        }
        if values["action"] == "later" && fileMessages.isEmpty {
            return req.redirect(to: SiteURL.application(application.id).path + "?saved=1", redirectType: .normal)
        }
        let problems = AnswerValidator.problems(saved.answers, questions: questions)
        if !problems.isEmpty || !fileMessages.isEmpty {
            let messages = problems.mapValues(context.words.problem).merging(fileMessages) { $1 }
            return try await sectionPage(context, index: index, answers: saved.answers, messages: messages, status: .unprocessableEntity)
        }
        let next = index + 1 < context.form.sections.count
            ? SiteURL.applicationSection(application.id, index: index + 1) : SiteURL.applicationReview(application.id)
        return req.redirect(to: next.path, redirectType: .normal)
    }

    func review(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        return try await reviewPage(context, problems: [:], notice: nil, status: .ok)
    }

    /// An uploaded file, to its applicant only, as an attachment.
    func file(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        guard let id = req.parameters.get("fileID", as: UUID.self),
              let found = try await FileStore(db: req.persistence).file(id, applicationID: context.application.id) else {
            throw DomainError.notFound("file")
        }
        return FileUploads.download(found.file, bytes: found.bytes)
    }

    func submit(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let (application, words) = (context.application, context.words)
        switch SubmissionCheck.check(application, call: context.call, form: context.form, at: req.now) {
        case .alreadySubmitted:
            // A double click or a retry lands on the same receipt.
            return req.redirect(to: SiteURL.applicationReceipt(application.id).path, redirectType: .normal)
        case .withdrawn:
            throw DomainError.refused(words("app.withdrawn"))
        case .closed(let at):
            return try await reviewPage(context, problems: [:], notice: words("app.closed", ["date": words.dateTime(at, zone: context.call.timeZone)]),
                              status: .unprocessableEntity)
        case .notYetOpen(let opensAt):
            return try await reviewPage(context, problems: [:], notice: words("call.notYetOpen", ["date": words.dateTime(opensAt, zone: context.call.timeZone)]),
                              status: .unprocessableEntity)
        case .incomplete(let problems):
            return try await reviewPage(context, problems: problems, notice: nil, status: .unprocessableEntity)
        case .ready:
            let messages = ApplicantMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL)
            let token = context.token
            _ = try await ApplicationStore(db: req.persistence).submit(id: application.id, now: req.now) { messages.receipt(for: $0, token: token) }
            return req.redirect(to: SiteURL.applicationReceipt(application.id).path, redirectType: .normal)
        }
    }

    func receipt(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let (application, words) = (context.application, context.words)
        guard application.status.isSubmitted, let reference = application.reference else {
            return req.redirect(to: SiteURL.application(application.id).path, redirectType: .normal)
        }
        let view = ReceiptView(t: WordTable(words, keys: ["receipt.heading", "receipt.view"]).table,
                               reference: words("receipt.reference", ["reference": reference]),
                               next: words("receipt.next", ["email": application.email]),
                               readHref: SiteURL.application(application.id).path)
        return context.page(.receipt, title: words("receipt.heading"), view)
    }

    func withdraw(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let messages = ApplicantMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL)
        _ = try await ApplicationStore(db: req.persistence).withdraw(id: context.application.id, now: req.now) { messages.withdrawn($0) }
        return req.redirect(to: SiteURL.application(context.application.id).path, redirectType: .normal)
    }

    private func sectionPage(_ context: ApplicantContext, index: Int, answers: [String: Answer], messages: [String: String],
                             status: HTTPStatus) async throws -> Response {
        let (application, form, words) = (context.application, context.form, context.words)
        let section = form.sections[index]
        let files = section.questions.contains { $0.type == .file }
            ? try await FileStore(db: context.request.persistence).files(applicationID: application.id) : []
        let view = SectionPageView(request: context.request, call: context.call, form: form, index: index, applicationID: application.id,
                                   answers: answers, messages: messages, files: files,
                                   script: context.request.application.staticAssets.autosaveURL, words: words)
        return context.page(.section, title: section.title.text(in: words.language), view, status: status, isError: !messages.isEmpty)
    }

    private func reviewPage(_ context: ApplicantContext, problems: [String: AnswerProblem], notice: String?,
                            status: HTTPStatus) async throws -> Response {
        let (application, form, words) = (context.application, context.form, context.words)
        let editable = application.isEditable(call: context.call, at: context.request.now)
        let files = Dictionary(uniqueKeysWithValues: try await FileStore(db: context.request.persistence).files(applicationID: application.id).map { ($0.id, $0) })
        let groups = form.sections.enumerated().map { index, section in
            ReviewView.Group(title: section.title.text(in: words.language), items: section.questions.map { question in
                ReviewView.Item(label: question.label.text(in: words.language),
                                answer: AnswerText.display(application.answers[question.key], question: question, words: words, files: files),
                                fileHref: FileUploads.fileID(application.answers[question.key], question: question, files: files)
                                    .map { SiteURL.applicationFile(application.id, fileID: $0).path },
                                problem: problems[question.key].map(words.problem),
                                changeHref: editable ? SiteURL.applicationSection(application.id, index: index).path + "#f-\(question.key)" : nil)
            })
        }
        let links = form.sections.enumerated().flatMap { index, section in
            section.questions.compactMap { question in
                problems[question.key].map {
                    FormView.ErrorLink(href: SiteURL.applicationSection(application.id, index: index).path + "#f-\(question.key)",
                                       message: "\(question.label.text(in: words.language)): \(words.problem($0))")
                }
            }
        }
        let view = ReviewView(
            t: WordTable(words, keys: ["app.review", "app.reviewIntro", "app.submit", "app.submitIntro", "app.missing", "app.change"]).table,
            callTitle: context.call.title.text(in: words.language), groups: groups, problems: links, hasProblems: !links.isEmpty,
            notice: notice, submitAction: application.status == .draft ? SiteURL.applicationSubmit(application.id).path : nil,
            csrf: context.request.csrfToken())
        return context.page(.review, title: words("app.review"), view, status: status, isError: !links.isEmpty || notice != nil)
    }
}
