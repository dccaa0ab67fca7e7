import CohortCore
import CohortStore
import Vapor

/// The reviewer's side: their queue per call, and the review page of an application assigned
/// to them (identity hidden when the call's review is blind). An application that is not
/// assigned to the person asking does not exist for them (404).
struct ReviewerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.reviewHome, use: home)
        routes.get(.reviewQueue, use: queue)
        routes.get(.reviewApplication, use: show)
        routes.post(.reviewApplication, use: save)
        routes.post(.reviewConflict, use: declareConflict)
    }

    func home(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard !AccessPolicy.reviewedProgramIDs(actor).isEmpty else { throw DomainError.forbidden }
        var rows: [ReviewHomeView.Row] = []
        for entry in try await ReviewStore(db: req.persistence).calls(reviewerID: actor.accountID) {
            guard let loaded = try await CallStore(db: req.persistence).load(entry.callID),
                  AccessPolicy.reviews(actor, programID: loaded.call.programID) else { continue }
            rows.append(.init(title: loaded.call.title.text(in: .english), href: SiteURL.reviewQueue(entry.callID).path,
                              assigned: entry.assigned, left: entry.assigned - entry.reviewed))
        }
        return req.page(.reviewHome, title: "Your reviews", ReviewHomeView(rows: rows), trail: [StaffProgram.staffCrumb])
    }

    func queue(req: Request) async throws -> Response {
        let (actor, loaded) = try await Self.reviewer(req)
        let items = try await ReviewStore(db: req.persistence).queue(callID: loaded.call.id, reviewerID: actor.accountID)
        let references = try await Self.references(req, callID: loaded.call.id, ids: items.map(\.applicationID))
        let next = items.first { !$0.isReviewed }
        let view = ReviewQueueView(
            title: loaded.call.title.text(in: .english),
            rows: items.enumerated().map { index, item in
                .init(label: references[item.applicationID] ?? "Application \(index + 1)",
                      href: SiteURL.reviewApplication(callID: loaded.call.id, id: item.applicationID).path,
                      state: item.isReviewed ? "Reviewed" : "To review")
            },
            left: items.filter { !$0.isReviewed }.count,
            nextHref: next.map { SiteURL.reviewApplication(callID: loaded.call.id, id: $0.applicationID).path })
        return req.page(.reviewQueue, title: "Reviews: \(view.title)", view, trail: [StaffProgram.staffCrumb, Self.homeCrumb])
    }

    func show(req: Request) async throws -> Response {
        let (actor, loaded) = try await Self.reviewer(req)
        let application = try await Self.assignedApplication(req, actor: actor, callID: loaded.call.id)
        let existing = try await ReviewStore(db: req.persistence).review(applicationID: application.id, reviewerID: actor.accountID)
        let values = existing.map(ReviewFormValues.init) ?? ReviewFormValues()
        return try await page(req, actor: actor, loaded: loaded, application: application, values: values, errors: [])
    }

    func save(req: Request) async throws -> Response {
        let (actor, loaded) = try await Self.reviewer(req)
        let application = try await Self.assignedApplication(req, actor: actor, callID: loaded.call.id)
        let form = try req.formValues()
        let values = ReviewFormValues(form: form.values)
        guard let recommendation = Review.Recommendation(rawValue: values.recommendation) else {
            return try await page(req, actor: actor, loaded: loaded, application: application, values: values,
                                  errors: [FieldError("recommendation", "Choose your recommendation.")])
        }
        let review = Review(reviewerID: actor.accountID, applicationID: application.id, scores: values.scores, comment: values.comment,
                            recommendation: recommendation)
        do {
            try await ReviewStore(db: req.persistence).save(review, now: req.now)
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, loaded: loaded, application: application, values: values,
                                  errors: failure.errors.map { FieldError("s_\($0.field)", $0.message) })
        }
        let queue = try await ReviewStore(db: req.persistence).queue(callID: loaded.call.id, reviewerID: actor.accountID)
        if let next = queue.first(where: { !$0.isReviewed }) {
            return req.redirect(.reviewApplication(callID: loaded.call.id, id: next.applicationID), flash: .reviewSaved)
        }
        return req.redirect(.reviewQueue(loaded.call.id), flash: .reviewSaved)
    }

    func declareConflict(req: Request) async throws -> Response {
        let (actor, loaded) = try await Self.reviewer(req)
        let application = try await Self.assignedApplication(req, actor: actor, callID: loaded.call.id)
        let note = try req.formValues()["note"].trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await ReviewStore(db: req.persistence).declareConflict(applicationID: application.id, reviewerID: actor.accountID,
                                                              programID: loaded.call.programID,
                                                              note: note.isEmpty ? "Knows the applicant." : String(note.prefix(500)), now: req.now)
        return req.redirect(.reviewQueue(loaded.call.id), flash: .conflictDeclared)
    }

    // MARK: Access

    static let homeCrumb = Layout.Crumb(label: "Your reviews", href: SiteURL.reviewHome.path)

    /// The signed-in reviewer and the call, when they review for its program; otherwise the call is not found.
    static func reviewer(_ req: Request) async throws -> (Actor, CallStore.Loaded) {
        let actor = try req.requireActor()
        guard let id = req.parameters.get("callID", as: UUID.self), let loaded = try await CallStore(db: req.persistence).load(id),
              AccessPolicy.reviews(actor, programID: loaded.call.programID) else { throw DomainError.notFound("call") }
        return (actor, loaded)
    }

    static func assignedApplication(_ req: Request, actor: Actor, callID: UUID) async throws -> CallApplication {
        guard let id = req.parameters.get("applicationID", as: UUID.self),
              try await ReviewStore(db: req.persistence).isAssigned(applicationID: id, reviewerID: actor.accountID),
              let application = try await ApplicationStore(db: req.persistence).find(id), application.callID == callID else {
            throw DomainError.notFound("application")
        }
        return application
    }

    static func references(_ req: Request, callID: UUID, ids: [UUID]) async throws -> [UUID: String] {
        var references: [UUID: String] = [:]
        for summary in try await ApplicationListStore(db: req.persistence).summaries(ids: ids, callID: callID) {
            if let reference = summary.reference { references[summary.id] = reference }
        }
        return references
    }

    // MARK: The page

    private func page(_ req: Request, actor: Actor, loaded: CallStore.Loaded, application: CallApplication, values: ReviewFormValues,
                      errors: [FieldError]) async throws -> Response {
        let settings = try await ReviewStore(db: req.persistence).settings(callID: loaded.call.id)
        guard let rubric = settings.rubric else { throw DomainError.conflict(.reviewNotSetUp) }
        let form = try await CallStore(db: req.persistence).form(callID: loaded.call.id, version: application.formVersion) ?? loaded.form
        let references = try await Self.references(req, callID: loaded.call.id, ids: [application.id])
        let view = ReviewPageView(request: req, callID: loaded.call.id, applicationID: application.id, reference: references[application.id],
                                  answers: application.answers, form: form, rubric: rubric, isBlind: settings.isBlind, values: values,
                                  errors: errors, words: req.words(.english))
        return req.page(.reviewApplication, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity,
                        isError: !errors.isEmpty,
                        trail: [StaffProgram.staffCrumb, Self.homeCrumb,
                                Layout.Crumb(label: loaded.call.title.text(in: .english), href: SiteURL.reviewQueue(loaded.call.id).path)])
    }
}

