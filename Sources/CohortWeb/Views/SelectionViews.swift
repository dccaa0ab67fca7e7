import CohortCore
import CohortStore
import Foundation
import Vapor

/// The selection form page: settings, quota rows, the attributes and values quotas can use, and the saved runs.
struct SelectionFormView: Sendable {
    struct Attribute: Sendable {
        let name: String
        let values: String
    }

    struct RunRow: Sendable {
        let name: String
        let href: String
        let created: String
        let outcome: String
        let id: String
    }

    let form: FormView
    let pool: Int
    let scored: Int
    let attributes: [Attribute]
    let runs: [RunRow]
    let compareAction: String
}

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

/// A run's result page and the comparison of two runs.
struct SelectionRunView: Sendable {
    struct Person: Sendable {
        let reference: String
        let href: String?
        let score: String
        let reason: String
    }

    struct Share: Sendable {
        let value: String
        let selected: Int
        let pool: Int
        let share: String
    }

    struct Composition: Sendable {
        let attribute: String
        let shares: [Share]
    }

    let name: String
    let isOptimal: Bool
    let total: String
    let size: Int
    let quotas: [String]
    let conflict: [String]
    /// Said under a conflict made of rules (not when there are simply too few reviewed applications).
    let conflictAdvice: String?
    let selected: [Person]
    let leftOut: [Person]
    let replacements: [Person]
    let composition: [Composition]
    let instanceHref: String
    let againHref: String
    /// Sending this run's decisions, while none were sent for the call.
    var decisions: DecisionForm?
    /// Where the call's decisions are, once sent.
    var decisionsHref: String?
}

struct DecisionForm: Sendable {
    let action: String
    let csrf: String
    let respondBy: String
    let timeZone: String
}

struct SelectionCompareView: Sendable {
    struct Side: Sendable {
        let name: String
        let href: String
        let total: String
        let only: String
    }

    let first: Side
    let second: Side
    let inBoth: Int
    let composition: [SelectionRunView.Composition]
    let compositionSecond: [SelectionRunView.Composition]
}

struct SelectionRunPresenter {
    let callID: UUID
    static let compositionAttributes = ["country", "role", "gender", "sector"]

    func view(run: SelectionRun, instance: SelectionInstance, applicationIDs: [String: UUID]) throws -> SelectionRunView {
        let scores = Dictionary(uniqueKeysWithValues: instance.applicants.map { ($0.id, $0.score) })
        func href(_ reference: String) -> String? {
            applicationIDs[reference].map { SiteURL.callApplication(callID: callID, id: $0).path }
        }
        let quotaText = instance.quotas.enumerated().map { "\($0.offset + 1). \($0.element.sentence)" }
        guard run.status == .optimal else {
            let members = Self.counts(instance)
            var lines = (run.conflict?.quotas ?? []).map { index -> String in
                let quota = instance.quotas[index]
                return "Quota \(index + 1): \(quota.sentence) (\(members[index]) scored applicant\(members[index] == 1 ? "" : "s") could count towards it)"
            }
            lines += (run.conflict?.include ?? []).map { "Must include \($0)" + (scores[$0] == .some(nil) ? " (not reviewed, so not selectable)" : "") }
            lines += (run.conflict?.exclude ?? []).map { "Must exclude \($0)" }
            let advice: String? = lines.isEmpty ? nil : "Dropping or loosening any one of these makes a cohort possible."
            if lines.isEmpty { lines = ["There are fewer reviewed, eligible applications than places: review more, or choose a smaller cohort."] }
            return SelectionRunView(name: run.name, isOptimal: false, total: "", size: instance.cohortSize, quotas: quotaText, conflict: lines,
                                    conflictAdvice: advice,
                                    selected: [], leftOut: [], replacements: [], composition: [],
                                    instanceHref: SiteURL.selectionInstance(callID: callID, id: run.id).path,
                                    againHref: SiteURL.callSelection(callID).path + "?from=\(run.id.uuidString.lowercased())")
        }
        let explanation = SelectionExplanation(instance: instance, selected: run.selected, attributes: Self.compositionAttributes)
        // Each quota with what the cohort reaches, so it can be checked at a glance.
        let chosen = Set(run.selected)
        let cohort = instance.applicants.filter { chosen.contains($0.id) }, pool = instance.applicants.filter { $0.score != nil }
        let quotaStatus = instance.quotas.enumerated().map { "\($0.offset + 1). \($0.element.sentence): \($0.element.countSummary(cohort: cohort, pool: pool))" }
        let passedOver = explanation.leftOut.first { !$0.excluded }
        let selected = run.selected.sorted { (scores[$0] ?? 0) ?? 0 > (scores[$1] ?? 0) ?? 0 }.map { reference in
            SelectionRunView.Person(reference: reference, href: href(reference), score: Self.number((scores[reference] ?? 0) ?? 0),
                                    reason: Self.reason(explanation.reasons[reference], quotas: instance.quotas,
                                                        over: passedOver.map { "\($0.id) (\(Self.number($0.score)))" }))
        }
        let leftOut = explanation.leftOut.map { person in
            SelectionRunView.Person(reference: person.id, href: href(person.id), score: Self.number(person.score),
                                    reason: person.excluded ? "On the exclude list"
                                        : person.blockingQuotas.isEmpty ? "Taking them would lower the total"
                                        : "Kept out by " + person.blockingQuotas.map { "quota \($0 + 1) (\(instance.quotas[$0].sentence))" }.joined(separator: " and "))
        }
        let replacements = run.selected.sorted().map { reference in
            let replacement = explanation.replacements[reference] ?? nil
            return SelectionRunView.Person(reference: reference, href: href(reference), score: "",
                                           reason: replacement.map { "\($0) would take the place with every quota still met" }
                                               ?? "No single applicant can take the place with every quota met: run the selection again")
        }
        return SelectionRunView(name: run.name, isOptimal: true, total: Self.number(run.objective ?? 0), size: instance.cohortSize,
                                quotas: quotaStatus, conflict: [], conflictAdvice: nil, selected: selected, leftOut: leftOut, replacements: replacements,
                                composition: Self.composition(explanation),
                                instanceHref: SiteURL.selectionInstance(callID: callID, id: run.id).path,
                                againHref: SiteURL.callSelection(callID).path + "?from=\(run.id.uuidString.lowercased())")
    }

    func comparison(_ first: SelectionRun, _ second: SelectionRun) throws -> SelectionCompareView {
        let a = Set(first.selected), b = Set(second.selected)
        func side(_ run: SelectionRun, only: Set<String>) -> SelectionCompareView.Side {
            .init(name: run.name, href: SiteURL.selectionRun(callID: callID, id: run.id).path,
                  total: run.status == .optimal ? Self.number(run.objective ?? 0) : "Quotas conflict",
                  only: only.sorted().joined(separator: ", "))
        }
        func composition(_ run: SelectionRun) throws -> [SelectionRunView.Composition] {
            guard run.status == .optimal else { return [] }
            let instance = try SelectionInstance.decode(json: run.instance)
            return Self.composition(SelectionExplanation(instance: instance, selected: run.selected, attributes: Self.compositionAttributes))
        }
        return SelectionCompareView(first: side(first, only: a.subtracting(b)), second: side(second, only: b.subtracting(a)),
                                    inBoth: a.intersection(b).count, composition: try composition(first), compositionSecond: try composition(second))
    }

    static func composition(_ explanation: SelectionExplanation) -> [SelectionRunView.Composition] {
        compositionAttributes.compactMap { attribute in
            guard let shares = explanation.composition[attribute], !shares.isEmpty else { return nil }
            let total = max(1, shares.reduce(0) { $0 + $1.selected })
            return .init(attribute: attribute, shares: shares.map {
                .init(value: $0.value, selected: $0.selected, pool: $0.pool, share: NumberText.percent($0.selected, of: total))
            })
        }
    }

    /// How many scored applicants each quota counts (for `each`, the largest of its values).
    static func counts(_ instance: SelectionInstance) -> [Int] {
        let scored = instance.applicants.filter { $0.score != nil }
        return instance.quotas.map { $0.counts(cohort: scored, pool: instance.applicants).map(\.count).max() ?? 0 }
    }

    static func reason(_ reason: SelectionExplanation.Reason?, quotas: [SelectionQuota], over: String? = nil) -> String {
        switch reason {
        case .score(let rank)?: "Score: rank \(rank)"
        case .included?: "On the must-include list"
        case .quota(let indices)? where !indices.isEmpty:
            "Brought in by " + indices.map { "quota \($0 + 1) (\(quotas[$0].sentence))" }.joined(separator: " and ")
                + (over.map { ", over higher scores such as \($0)" } ?? ", over higher scores")
        case .quota?: "Chosen over higher scores so that every quota holds"
        case nil: ""
        }
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
