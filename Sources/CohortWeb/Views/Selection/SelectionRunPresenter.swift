import CohortCore
import CohortStore
import Foundation
import Vapor

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
