import CohortCore
import CohortStore
import Vapor

/// A call's review, for its managers: the rubric and switches, the reviewers and their load,
/// automatic assignment, and the scores with their calibration and agreement.
struct ReviewSetupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.callReview, use: show)
        routes.post(.callReview, use: save)
        routes.post(.callReviewAssign, use: assign)
        routes.post(.callReviewAssignment, use: assignOne)
        routes.post(.callReviewUnassign, use: unassignOne)
    }

    /// A manager gives one application to one reviewer.
    func assignOne(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageReview)
        let values = try req.formValues()
        guard let applicationID = UUID(uuidString: values["application"]), let reviewerID = UUID(uuidString: values["reviewer"]) else {
            throw RequestProblem.chooseReviewer
        }
        do {
            let managerID = try req.requireActor().accountID
            try await req.refusingFields {
                try await ReviewStore(db: req.persistence).assign(applicationID: applicationID, reviewerID: reviewerID, callID: loaded.call.id,
                                                                  programID: program.id, by: managerID, now: req.now)
            }
        } catch let failure as ValidationFailure {
            throw DomainError.refused(failure.errors.map(\.message).joined(separator: " "))
        }
        return req.redirect(path: SiteURL.callReview(loaded.call.id).path + "#assignments", flash: .saved)
    }

    /// Takes an application back from a reviewer who has not reviewed it.
    func unassignOne(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.manageReview)
        let values = try req.formValues()
        guard let applicationID = UUID(uuidString: values["application"]), let reviewerID = UUID(uuidString: values["reviewer"]) else {
            throw DomainError.notFound("assignment")
        }
        try await ReviewStore(db: req.persistence).unassign(applicationID: applicationID, reviewerID: reviewerID, callID: loaded.call.id)
        return req.redirect(path: SiteURL.callReview(loaded.call.id).path + "#assignments", flash: .removed)
    }

    func show(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageReview)
        let settings = try await ReviewStore(db: req.persistence).settings(callID: loaded.call.id)
        let form = RubricForm(rubric: settings.rubric, isBlind: settings.isBlind, avoidsSameCountry: settings.avoidsSameCountry)
        return try await page(req, loaded: loaded, program: program, form: form, errors: [])
    }

    func save(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageReview)
        let form = RubricForm(values: try req.formValues().values)
        switch form.rubric() {
        case .failure(let failure):
            return try await page(req, loaded: loaded, program: program, form: form, errors: failure.errors)
        case .success(let rubric):
            try await ReviewStore(db: req.persistence).save(.init(rubric: rubric, isBlind: form.isBlind, avoidsSameCountry: form.avoidsSameCountry),
                                                   callID: loaded.call.id)
            return req.redirect(.callReview(loaded.call.id), flash: .saved)
        }
    }

    func assign(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.manageReview)
        let plan = try await ReviewStore(db: req.persistence).autoAssign(callID: loaded.call.id, programID: program.id, now: req.now)
        return req.redirect(.callReview(loaded.call.id), flash: plan.shortfall.isEmpty ? .reviewersAssigned : .reviewersShort)
    }

    private func page(_ req: Request, loaded: CallStore.Loaded, program: Program, form: RubricForm, errors: [FieldError]) async throws -> Response {
        let store = ReviewStore(db: req.persistence)
        let callID = loaded.call.id
        let reviewerRows = try await store.reviewers(programID: program.id)
        let reviewers = reviewerRows.map(\.party)
        let assignments = try await store.assignments(callID: callID)
        let aggregation = try await store.aggregation(callID: callID)
        let reviewable = try await store.reviewableApplicationIDs(callID: callID)
        let applicationIDs = Array(Set(reviewable).union(assignments.map(\.pair.applicationID)).union(aggregation?.scores.map(\.applicationID) ?? []))
        let summaries = Dictionary(uniqueKeysWithValues: try await ApplicationListStore(db: req.persistence).summaries(ids: applicationIDs, callID: callID)
            .map { ($0.id, $0) })
        let names = Dictionary(reviewerRows.map { ($0.party.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let load = Dictionary(grouping: assignments, by: \.pair.reviewerID)
        let view = ReviewSetupView(
            form: Self.form(req, callID: callID, form, errors: errors),
            reviewers: reviewers.map { reviewer in
                let theirs = load[reviewer.id] ?? []
                return .init(name: names[reviewer.id] ?? "—", organisation: reviewer.organisation ?? "—",
                             assigned: theirs.count, reviewed: theirs.filter(\.isReviewed).count)
            },
            hasReviewers: !reviewers.isEmpty,
            // Aggregation exists once the call has a rubric, which assignment needs.
            canAssign: aggregation != nil && !reviewers.isEmpty,
            autoAssignAction: SiteURL.callReviewAssign(callID).path, csrf: req.csrfToken(),
            membersHref: SiteURL.programMembers(slug: program.slug).path,
            scores: (aggregation?.scores ?? []).map { score in
                let summary = summaries[score.applicationID]
                return .init(reference: summary?.reference ?? "—", name: summary?.fullName ?? "—",
                             href: SiteURL.callApplication(callID: callID, id: score.applicationID).path, reviews: score.reviewCount,
                             average: Self.decimal(score.average), calibrated: Self.decimal(score.calibrated), spread: Self.decimal(score.spread),
                             flag: score.needsDiscussion ? "Discuss" : "")
            },
            agreement: aggregation?.agreement.map { "Krippendorff's alpha is \(Self.decimal($0)): 1 means reviewers agree completely, 0 no more than chance." }
                ?? "There are not yet enough applications with two or more reviews to measure how far reviewers agree.",
            method: ReviewAggregation.method,
            assignments: reviewable.compactMap { summaries[$0] }.sorted { ($0.reference ?? "") < ($1.reference ?? "") }.map { summary in
                let theirs = assignments.filter { $0.pair.applicationID == summary.id }
                let assigned = Set(theirs.map(\.pair.reviewerID))
                return .init(reference: summary.reference ?? "—", name: summary.fullName,
                             href: SiteURL.callApplication(callID: callID, id: summary.id).path, applicationID: summary.id.uuidString.lowercased(),
                             reviewers: theirs.map { entry in
                                 .init(name: names[entry.pair.reviewerID] ?? "—", reviewerID: entry.pair.reviewerID.uuidString.lowercased(),
                                       isReviewed: entry.isReviewed)
                             }.sorted { $0.name < $1.name },
                             choices: reviewers.filter { !assigned.contains($0.id) }.map {
                                 .init(value: $0.id.uuidString.lowercased(), label: names[$0.id] ?? "—")
                             })
            },
            assignAction: SiteURL.callReviewAssignment(callID).path, removeAction: SiteURL.callReviewUnassign(callID).path)
        return req.page(.staffReview, title: "Review", view, status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty,
                        trail: StaffProgram.trail + [Layout.Crumb(label: program.title, href: SiteURL.programCalls(slug: program.slug).path),
                                                     Layout.Crumb(label: "Applications", href: SiteURL.callApplications(callID).path)])
    }

    static func form(_ req: Request, callID: UUID, _ form: RubricForm, errors: [FieldError]) -> FormView {
        let rows = form.rows.enumerated().map { index, row in
            let number = index + 1
            return [
                FormField("c\(index)_name", "Criterion \(number): name", value: row.name, errors: errors),
                FormField("c\(index)_description", "Criterion \(number): what reviewers look for", value: row.description, errors: errors),
                FormField("c\(index)_weight", "Criterion \(number): weight", value: row.weight, errors: errors),
                FormField("c\(index)_lowest", "Criterion \(number): lowest score", value: row.lowest, errors: errors),
                FormField("c\(index)_highest", "Criterion \(number): highest score", value: row.highest, errors: errors),
            ]
        }
        // Criteria keep their keys (scores are stored by key) in hidden fields after the table.
        let keys = form.rows.enumerated().map { FormField("c\($0.offset)_key", "", value: $0.element.key, errors: []).type("hidden") }
        let after = keys + [
            FormField("reviewsWanted", "Reviews wanted per application", value: form.reviewsWanted, errors: errors),
            FormField("blind", "Blind review: reviewers never see the applicant's name, email, phone, organisation or identifying answers",
                      value: form.isBlind ? "on" : "", errors: errors).type("checkbox"),
            FormField("sameCountry", "A reviewer from the applicant's country counts as a conflict",
                      value: form.avoidsSameCountry ? "on" : "", errors: errors).type("checkbox"),
        ]
        return FormView(request: req, action: SiteURL.callReview(callID).path, submitLabel: "Save the review settings", fields: [],
                        grid: ("Criteria", "Leave a name empty to remove that criterion. Weights count relative to each other.",
                               ["Name", "What reviewers look for", "Weight", "Lowest", "Highest"], rows),
                        fieldsAfter: after)
    }

    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}

