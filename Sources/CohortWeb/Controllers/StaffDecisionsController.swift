import CohortCore
import CohortStore
import Vapor

/// What a program's managers decide about applications: status, in bulk with a confirmation,
/// and eligibility overrides with a note. Also the files applicants uploaded.
struct StaffDecisionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.callBulkStatus, use: changeStatus)
        routes.post(.applicationEligibility, use: overrideEligibility)
        routes.get(.staffApplicationFile, use: file)
    }

    /// First post: a page that says what will change. Second post, with `confirm=yes`: the change.
    func changeStatus(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall(for: StaffAction.decideApplications)
        let values = try req.formValues()
        let listPath = SiteURL.callApplications(loaded.call.id).path
        let back = SiteURL.safeNext(values["back"]).flatMap { $0.hasPrefix(listPath) ? $0 : nil } ?? listPath
        let ids = values.values.compactMap { name, value in
            value == "on" && name.hasPrefix("select__") ? UUID(uuidString: String(name.dropFirst("select__".count))) : nil
        }.sorted { $0.uuidString < $1.uuidString }
        guard let status = ApplicationStatus(rawValue: values["status"]), status.isSubmitted else {
            throw RequestProblem.chooseBulkStatus
        }
        guard !ids.isEmpty else {
            throw RequestProblem.selectApplications
        }
        guard ids.count <= 500 else { throw RequestProblem.tooManyApplicationsAtOnce(max: 500) }
        if values["confirm"] == "yes" {
            _ = try await ApplicationStore(db: req.persistence).setStatus(status, ids: ids, callID: loaded.call.id, now: req.now)
            return req.redirect(path: back, flash: .statusChanged)
        }
        let summaries = try await ApplicationListStore(db: req.persistence).summaries(ids: ids, callID: loaded.call.id)
        let movable = summaries.filter { $0.status.staffMayChange(to: status) && $0.status != status }
        let skipped = summaries.count - movable.count
        var message = "\(movable.count) application\(movable.count == 1 ? "" : "s") will move to “\(status.label)”."
        if skipped > 0 {
            message += " \(skipped) will stay as \(skipped == 1 ? "it is" : "they are"): drafts and withdrawn applications are the applicant's, and some already have this status."
        }
        let hidden = [("status", status.rawValue), ("confirm", "yes"), ("back", back)].map { HiddenField(name: $0.0, value: $0.1) }
            + ids.map { HiddenField(name: "select__\($0.uuidString.lowercased())", value: "on") }
        let view = ConfirmView(heading: "Change the status of \(ids.count) application\(ids.count == 1 ? "" : "s")?", message: message,
                               items: movable.prefix(50).map { "\($0.reference ?? "Draft") \($0.fullName) (\($0.status.label))" },
                               action: SiteURL.callBulkStatus(loaded.call.id).path, csrf: req.csrfToken(), hidden: hidden,
                               confirmLabel: "Move to “\(status.label)”", cancelHref: back)
        return req.page(.staffConfirm, title: view.heading, view, trail: StaffProgram.trail)
    }

    func overrideEligibility(req: Request) async throws -> Response {
        let (loaded, program) = try await req.staffCall(for: StaffAction.decideApplications)
        let actor = try req.requireActor()
        let application = try await req.staffApplication(of: loaded)
        let id = application.id
        let values = try req.formValues()
        let decision: Bool?
        switch values["decision"] {
        case "rules": decision = nil
        case "eligible": decision = true
        case "ineligible": decision = false
        default: throw RequestProblem.chooseEligibility
        }
        if decision != nil, let problem = EligibilityDecision.validateNote(values["note"]) {
            return try await StaffApplicationsController().detailPage(req, loaded: loaded, program: program, application: application,
                                                                      overrideForm: (values["decision"], values["note"], problem))
        }
        _ = try await ApplicationStore(db: req.persistence).overrideEligibility(id: id, eligible: decision, note: values["note"].trimmingCharacters(in: .whitespacesAndNewlines),
                                                                       by: actor.accountID, now: req.now)
        return req.redirect(.callApplication(callID: loaded.call.id, id: id), flash: .saved)
    }

    /// An uploaded file, to the program's staff, as an attachment.
    func file(req: Request) async throws -> Response {
        let (loaded, _) = try await req.staffCall()
        let application = try await req.staffApplication(of: loaded)
        guard let fileID = req.parameters.get("fileID", as: UUID.self),
              let found = try await FileStore(db: req.persistence).file(fileID, applicationID: application.id) else {
            throw DomainError.notFound("file")
        }
        return FileUploads.download(found.file, bytes: found.bytes)
    }
}

