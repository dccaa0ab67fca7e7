import CohortCore
import CohortStore
import Foundation
import Vapor

struct SelectionFormPresenter {
    let request: Request
    let callID: UUID

    func view(form: SelectionSetupForm, errors: [FieldError], attributes: [String: [(value: String, count: Int)]], pool: Int, scored: Int,
              runs: [SelectionRun]) -> SelectionFormView {
        let names = attributes.keys.sorted()
        let fields: [FormField] = [
            FormField("name", "Name of this run", value: form.name, errors: errors, hint: "To tell runs apart, such as “Balanced by country”."),
            FormField("cohortSize", "Cohort size", value: form.cohortSize, errors: errors),
            {
                var field = FormField("score", "Score", value: form.score, errors: errors)
                    .choices(SelectionSetup.Score.allCases.map { ($0.rawValue, $0.label) })
                field.asRadios = true
                return field
            }(),
        ]
        let rows = form.rows.enumerated().map { index, row in
            let number = index + 1
            return [
                FormField("q\(index)_attribute", "Quota \(number): attribute", value: row.attribute, errors: errors).choices(names.map { ($0, $0) }, placeholder: "—"),
                FormField("q\(index)_kind", "Quota \(number): counts", value: row.kind, errors: errors)
                    .choices(SelectionSetupForm.Kind.allCases.map { ($0.rawValue, $0.label) }),
                FormField("q\(index)_values", "Quota \(number): values", value: row.values, errors: errors),
                FormField("q\(index)_min", "Quota \(number): at least", value: row.min, errors: errors),
                FormField("q\(index)_max", "Quota \(number): at most", value: row.max, errors: errors),
            ]
        }
        let after = [
            FormField("include", "Must include (references)", value: form.include, errors: errors).optional(),
            FormField("exclude", "Must exclude (references)", value: form.exclude, errors: errors).optional(),
        ]
        return SelectionFormView(
            form: FormView(request: request, action: SiteURL.callSelection(callID).path, submitLabel: "Find the best cohort", fields: fields,
                           grid: ("Quotas", "A row with no attribute is left out. Values are separated by commas; for “each value separately”, no values means every value.",
                                  ["Attribute", "Counts", "Values", "At least", "At most"], rows),
                           fieldsAfter: after),
            pool: pool, scored: scored,
            attributes: names.map { name in
                .init(name: name, values: (attributes[name] ?? []).prefix(40).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            },
            runs: runs.map { run in
                .init(name: run.name, href: SiteURL.selectionRun(callID: callID, id: run.id).path,
                      created: ISO8601DateFormatter.string(from: run.createdAt, timeZone: .gmt, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime]),
                      outcome: run.status == .optimal ? "Best cohort, total \(SelectionRunPresenter.number(run.objective ?? 0))" : "Quotas conflict",
                      id: run.id.uuidString.lowercased())
            },
            compareAction: SiteURL.selectionCompare(callID).path)
    }
}
