import CohortCore
import Vapor

/// How the staff pages word eligibility and its override.
enum EligibilityText {
    static func verdict(rules eligible: Bool, override: Bool?) -> String {
        switch override {
        case nil: eligible ? "Eligible" : "Not eligible"
        case true?: eligible ? "Eligible (also marked eligible by a manager)" : "Eligible by a manager's decision (the rules say not eligible)"
        case false?: eligible ? "Not eligible by a manager's decision (the rules say eligible)" : "Not eligible (also marked by a manager)"
        }
    }

    static func overrideLine(_ decision: EligibilityDecision?, by name: String?) -> String? {
        guard let decision, let override = decision.override else { return nil }
        let when = decision.at.map { " on \(CalendarDate($0).iso)" } ?? ""
        return "Marked \(override ? "eligible" : "not eligible") by \(name ?? "a former staff member")\(when): \(decision.note ?? "")"
    }

    static func form(_ req: Request, callID: UUID, applicationID: UUID, current: EligibilityDecision?,
                     typed: (decision: String, note: String, problem: String)?) -> FormView {
        let decision = typed?.decision ?? current?.override.map { $0 ? "eligible" : "ineligible" } ?? "rules"
        let errors = typed.map { [FieldError("note", $0.problem)] } ?? []
        var choice = FormField("decision", "Decision", value: decision, errors: [])
            .choices([("rules", "The rules decide"), ("eligible", "Eligible, whatever the rules say"),
                      ("ineligible", "Not eligible, whatever the rules say")])
        choice.asRadios = true
        let note = FormField("note", "Why", value: typed?.note ?? current?.note ?? "", errors: errors,
                             hint: "Kept with the application, with your name and the date. Needed when you override the rules.")
            .multiline().optional()
        return FormView(request: req, action: SiteURL.applicationEligibility(callID: callID, id: applicationID).path,
                        submitLabel: "Save decision", fields: [choice, note])
    }
}
