import CohortCore
import Vapor

/// A survey's results for its managers: the response rate, then each question as a chart
/// drawn on the server with its table, the mean and spread of ratings, breakdowns that hide
/// small groups, and the text answers.
struct SurveyResultsView: Sendable {
    struct CountRow: Sendable {
        let label: String
        let count: Int
        let share: String
    }

    struct GroupText: Sendable {
        let dimension: String
        let text: String
    }

    struct Item: Sendable {
        let id: String
        let label: String
        let answered: String
        let chart: String?
        let counts: [CountRow]
        let hasCounts: Bool
        let summary: String?
        let breakdowns: [GroupText]
        let hasBreakdowns: Bool
        let texts: [String]
        let hasTexts: Bool
        let moreTexts: String?
    }

    static let textsShown = 50

    let programTitle: String
    let tabs: [Tab]
    let title: String
    let facts: String
    let isSample: Bool
    let rate: String
    let withheld: String?
    let items: [Item]
    let settingsHref: String
    let exportHref: String?
    let needsHref: String?
    let gainsHref: String?
    let remind: MeView.Button?
    let remindHint: String

    init(_ req: Request, program: Program, survey: Survey, results: SurveyResults, responses: [SurveyAnswers]) {
        let slug = program.slug
        programTitle = program.title
        tabs = Tab.program(slug: slug, current: "Surveys", isAdmin: req.actor?.isAdmin ?? false)
        title = survey.title.text(in: .english)
        facts = "\(survey.kind.label) · \(survey.privacy.label) · \(StaffSurveysView.stateText(survey.window(at: req.now))): "
            + "\(LocalDateTime.format(survey.opensAt, zone: survey.timeZone).replacingOccurrences(of: "T", with: " ")) to "
            + "\(LocalDateTime.format(survey.closesAt, zone: survey.timeZone).replacingOccurrences(of: "T", with: " ")) (\(survey.timeZone))"
        isSample = survey.isSample
        let invited = results.invited ?? 0
        rate = "\(results.responses) of \(invited) asked have answered"
            + (results.responseRate.map { String(format: " (%.0f %%).", $0 * 100) } ?? ".")
        withheld = results.withheld
            ? "Fewer than \(results.threshold) people have answered. Nothing more is shown until then, so that nobody's answers can be read off a figure."
            : nil
        let threshold = results.threshold
        let byKey = Dictionary(uniqueKeysWithValues: survey.form.items.map { ($0.key, $0) })
        let scores = SurveyScores(items: survey.form.items, responses: results.withheld ? [] : responses)
        items = results.items.compactMap { result in
            byKey[result.key].map { Self.item($0, result: result, scores: scores, threshold: threshold) }
        }
        settingsHref = SiteURL.surveySettings(slug: slug, id: survey.id).path
        exportHref = results.withheld || results.responses == 0 ? nil : SiteURL.surveyExport(slug: slug, id: survey.id).path
        needsHref = survey.kind == .needsAssessment ? SiteURL.surveyNeeds(slug: slug, id: survey.id).path : nil
        gainsHref = survey.kind.isPairedHalf ? SiteURL.programLearningGains(slug: slug).path : nil
        remind = survey.window(at: req.now) == .open && survey.reminderEveryDays != nil
            ? MeView.Button(action: SiteURL.surveyRemind(slug: slug, id: survey.id).path, csrf: req.csrfToken(), label: "Remind those who have not answered")
            : nil
        remindHint = survey.reminderEveryDays.map { "At most one reminder every \($0) day\($0 == 1 ? "" : "s"), in each person's language." }
            ?? "This survey sends no reminders; its settings can change that."
    }

    static func item(_ item: SurveyItem, result: ItemResult, scores: SurveyScores, threshold: Int) -> Item {
        let label = item.label(in: .english)
        let counts = result.counts.map { CountRow(label: $0.label.text(in: .english), count: $0.count, share: String(format: "%.0f %%", $0.share * 100)) }
        let chart = result.counts.isEmpty ? nil : SurveyCharts.bars(
            result.counts.map { .init(label: $0.label.text(in: .english), value: Double($0.count), text: "\($0.count)") },
            maximum: Double(result.counts.map(\.count).max() ?? 0), title: label)
        var summary: String?
        if let mean = result.mean {
            summary = String(format: "Mean %.2f", mean) + (result.standardDeviation.map { String(format: ", standard deviation %.2f", $0) } ?? "")
                + " (\(result.answered) answer\(result.answered == 1 ? "" : "s"))."
        }
        let breakdowns: [GroupText] = item.isScale ? BreakdownDimension.allCases.map { dimension -> GroupText in
            let breakdown = scores.breakdown(item, by: dimension, threshold: threshold)
            let shown = breakdown.groups.map { group in
                "\(group.name) " + (group.mean.map { String(format: "%.2f", $0) } ?? "–") + " (\(group.responses))"
            }
            let hidden = breakdown.hiddenGroups == 0 ? nil
                : "\(breakdown.hiddenGroups) group\(breakdown.hiddenGroups == 1 ? "" : "s") hidden: fewer than \(threshold) people, or one would follow from the others"
            return GroupText(dimension: dimension.label, text: (shown + [hidden].compactMap { $0 }).joined(separator: "; "))
        } : []
        let texts = Array(result.texts.prefix(textsShown))
        return Item(id: "q-\(item.key)", label: label, answered: "\(result.answered) answered", chart: chart, counts: counts,
                    hasCounts: !counts.isEmpty, summary: summary, breakdowns: breakdowns, hasBreakdowns: !breakdowns.isEmpty,
                    texts: texts, hasTexts: !texts.isEmpty,
                    moreTexts: result.texts.count > textsShown ? "And \(result.texts.count - textsShown) more in the CSV." : nil)
    }
}
