import CohortCore
import CohortStore
import Vapor

/// Sending a run's decisions (asked first, then sent once, with a message to each applicant in
/// their language), the decisions and answers for the managers, and the applicant's answer.
struct DecisionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.selectionDecisions, use: send)
        routes.get(.callDecisions, use: list)
        routes.post(.callDecisionOffer, use: offer)
        routes.post(.applicationDecision, use: respond)
    }

    func send(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        let run = try await SelectionController.run(req, callID: loaded.call.id)
        let values = try req.formValues()
        let zone = loaded.call.timeZone
        guard let waitlist = Int(values["waitlist"].trimmingCharacters(in: .whitespaces)), (0...200).contains(waitlist) else {
            throw RequestProblem.waitlistLength
        }
        guard let respondBy = LocalDateTime.parse(values["respondBy"], zone: zone), respondBy > req.now else {
            throw RequestProblem.respondBy(timeZone: zone)
        }
        if values["confirm"] == "yes" {
            let messages = ApplicantMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL)
            _ = try await DecisionStore(db: req.persistence).send(runID: run.id, callID: loaded.call.id, waitlistSize: waitlist, respondBy: respondBy,
                                                         by: try req.requireActor().accountID, now: req.now,
                                                         newToken: { let token = SecretToken.make(req.randomness); return (token, SecretToken.hash(token)) },
                                                         message: { messages.decision($0, $1, token: $2, timeZone: zone) })
            return req.redirect(path: SiteURL.callDecisions(loaded.call.id).path, flash: .decisionsSent)
        }
        let instance = try SelectionInstance.decode(json: run.instance)
        let plan = SelectionDecisionPlan.make(instance: instance, selected: run.selected, waitlistSize: waitlist)
        let count = { (outcome: SelectionDecision.Outcome) in plan.filter { $0.outcome == outcome }.count }
        let view = ConfirmView(
            heading: "Send the decisions of “\(run.name)”?",
            message: "\(count(.accepted)) applicants will be offered a place, to answer by \(LocalDateTime.format(respondBy, zone: zone)) (\(zone)); "
                + "\(count(.waitlisted)) will be told they are on the waiting list, in score order; \(count(.declined)) will be told they were not selected. "
                + "Each gets a message in their language with a new private link. Decisions are sent once for a call and cannot be taken back.",
            items: plan.filter { $0.outcome != .declined }.map { "\($0.reference): \($0.outcome == .accepted ? "offered a place" : "waiting list \($0.waitlistRank ?? 0)")" },
            action: SiteURL.selectionDecisions(callID: loaded.call.id, runID: run.id).path, csrf: req.csrfToken(),
            hidden: [HiddenField(name: "waitlist", value: "\(waitlist)"), HiddenField(name: "respondBy", value: values["respondBy"]),
                     HiddenField(name: "confirm", value: "yes")],
            confirmLabel: "Send the decisions", cancelHref: SiteURL.selectionRun(callID: loaded.call.id, id: run.id).path)
        return req.page(.staffConfirm, title: view.heading, view, trail: SelectionController.trail(program, loaded))
    }

    func list(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.runSelection)
        let store = DecisionStore(db: req.persistence)
        let decisions = try await store.decisions(callID: loaded.call.id)
        let proposals = try await store.proposedReplacements(callID: loaded.call.id)
        // Offers first, then the waiting list in its order, then the rest, each by reference.
        let order: [SelectionDecision.Outcome] = [.accepted, .waitlisted, .declined]
        let sorted = decisions.sorted {
            (order.firstIndex(of: $0.outcome)!, $0.waitlistRank ?? 0, $0.reference) < (order.firstIndex(of: $1.outcome)!, $1.waitlistRank ?? 0, $1.reference)
        }
        var rows: [DecisionsView.Row] = []
        for decision in sorted {
            var replacement: String?
            var offerReference: String?
            if let proposal = proposals[decision.applicationID] {
                offerReference = proposal
                replacement = proposal ?? "Nobody on the waiting list keeps every quota: run the selection again"
            }
            rows.append(.init(reference: decision.reference,
                              href: SiteURL.callApplication(callID: loaded.call.id, id: decision.applicationID).path,
                              outcome: decision.outcome == .waitlisted ? "Waiting list \(decision.waitlistRank ?? 0)" : decision.outcome.rawValue.capitalized,
                              response: Self.response(decision, zone: loaded.call.timeZone, now: req.now), replacement: replacement,
                              offerReference: offerReference))
        }
        let view = DecisionsView(rows: rows, offerAction: SiteURL.callDecisionOffer(loaded.call.id).path, csrf: req.csrfToken(),
                                 confirmed: decisions.filter { $0.response == .confirmed }.count,
                                 pending: decisions.filter { $0.outcome == .accepted && $0.response == nil }.count,
                                 selectionHref: SiteURL.callSelection(loaded.call.id).path)
        return req.page(.staffDecisions, title: "Decisions", view, trail: SelectionController.trail(program, loaded))
    }

    /// Offers a freed place to someone on the waiting list, answering in two weeks.
    func offer(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.runSelection)
        let reference = try req.formValues()["reference"]
        guard let decision = try await DecisionStore(db: req.persistence).decisions(callID: loaded.call.id).first(where: { $0.reference == reference }) else {
            throw RequestProblem.chooseWaitlisted
        }
        let messages = ApplicantMessages(catalogs: req.application.catalogs, baseURL: req.config.baseURL)
        let zone = loaded.call.timeZone
        _ = try await DecisionStore(db: req.persistence).offerPlace(applicationID: decision.applicationID, callID: loaded.call.id,
                                                           respondBy: req.now.addingTimeInterval(14 * 86_400), now: req.now,
                                                           newToken: { let token = SecretToken.make(req.randomness); return (token, SecretToken.hash(token)) },
                                                           message: { messages.decision($0, $1, token: $2, timeZone: zone) })
        return req.redirect(path: SiteURL.callDecisions(loaded.call.id).path, flash: .placeOffered)
    }

    /// The applicant confirms or declines an offered place, by their private link.
    func respond(req: Request) async throws -> Response {
        let context = try await ApplicantContext.load(req)
        let answer = try req.formValues()["answer"]
        guard answer == "confirm" || answer == "decline" else { throw DomainError.refused(context.words("decision.heading")) }
        do {
            _ = try await DecisionStore(db: req.persistence).respond(applicationID: context.application.id, confirm: answer == "confirm",
                                                            programID: context.call.programID, now: req.now)
        } catch DomainError.conflict {
            // Already answered, or too late: the page says which.
        }
        return req.redirect(to: SiteURL.application(context.application.id).path, redirectType: .normal)
    }

    static func response(_ decision: SelectionDecision, zone: String, now: Date) -> String {
        switch decision.response {
        case .confirmed?: return "Confirmed on \(LocalDateTime.format(decision.respondedAt ?? now, zone: zone))"
        case .declined?: return "Declined on \(LocalDateTime.format(decision.respondedAt ?? now, zone: zone))"
        case nil:
            guard decision.outcome == .accepted, let by = decision.respondBy else { return "" }
            return by < now ? "No answer (time passed)" : "Waiting for an answer by \(LocalDateTime.format(by, zone: zone))"
        }
    }
}

