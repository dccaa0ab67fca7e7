import CohortCore
import CohortStore
import Vapor

/// The program's pre/post pairs and the gains each adds up to.
enum LearningGainsReport {
    struct Pair: Sendable {
        let before: Survey
        let after: Survey?
        let gains: LearningGains?
    }

    static func pairs(_ req: Request, programID: UUID) async throws -> [Pair] {
        let store = SurveyStore(db: req.persistence)
        let surveys = try await store.surveys(programID: programID).map(\.survey).filter { $0.privacy == .paired && $0.kind.isPairedHalf }
        var pairs: [Pair] = []
        for before in surveys where before.kind == .preAssessment {
            let after = surveys.first { $0.kind == .postAssessment && $0.pairID == before.pairID }
            var gains: LearningGains?
            if let after {
                func paired(_ survey: Survey) async throws -> [PairedResponse] {
                    try await store.responses(surveyID: survey.id).compactMap { response in
                        response.pseudonym.map { PairedResponse(pseudonym: $0, response: response.answers) }
                    }
                }
                // Only the items both halves ask are compared.
                let afterKeys = Set(after.form.items.map(\.key))
                gains = LearningGains.compute(before: try await paired(before), after: try await paired(after),
                                              items: before.form.items.filter { afterKeys.contains($0.key) },
                                              threshold: req.config.smallCellThreshold)
            }
            pairs.append(Pair(before: before, after: after, gains: gains))
        }
        return pairs
    }
}

/// Learning gains for managers: per topic and per item the pairs, means before and after, the
/// mean gain with its 95 % interval and the effect size; breakdowns that hide small groups; a chart.
struct LearningGainsView: Sendable {
    struct Line: Sendable {
        let label: String
        let pairs: String
        let before: String
        let after: String
        let gain: String
        let interval: String
        let effect: String
    }

    struct Breakdown: Sendable {
        let dimension: String
        let lines: [Line]
        let hidden: String?
    }

    struct PairView: Sendable {
        let title: String
        let beforeHref: String
        let afterHref: String?
        let waiting: String?
        let summary: String?
        let chart: String?
        let topics: [Line]
        let items: [Line]
        let breakdowns: [Breakdown]
        let hasFigures: Bool
    }

    let programTitle: String
    let tabs: [Tab]
    let pairs: [PairView]
    let hasPairs: Bool
    let method: String
    let surveysHref: String

    init(_ req: Request, program: Program, pairs: [LearningGainsReport.Pair]) {
        programTitle = program.title
        tabs = Tab.program(slug: program.slug, current: "Surveys", isAdmin: req.actor?.isAdmin ?? false)
        method = PairedGain.method
        surveysHref = SiteURL.programSurveys(slug: program.slug).path
        self.pairs = pairs.map { pair in
            let slug = program.slug
            guard let gains = pair.gains, let after = pair.after else {
                return PairView(title: pair.before.title.text(in: .english), beforeHref: SiteURL.surveyResults(slug: slug, id: pair.before.id).path,
                                afterHref: nil, waiting: "No self-assessment after the program is paired with this one yet. Create one on the Surveys tab and pair it with this.",
                                summary: nil, chart: nil, topics: [], items: [], breakdowns: [], hasFigures: false)
            }
            let hasFigures = gains.pairs >= gains.threshold
            let changes = gains.topics.compactMap { line in
                line.gain.map { SurveyCharts.Change(label: line.label.text(in: .english), before: $0.meanBefore, after: $0.meanAfter) }
            }
            return PairView(
                title: "\(pair.before.title.text(in: .english)) → \(after.title.text(in: .english))",
                beforeHref: SiteURL.surveyResults(slug: slug, id: pair.before.id).path,
                afterHref: SiteURL.surveyResults(slug: slug, id: after.id).path,
                waiting: hasFigures ? nil : "\(gains.pairs) people have answered both; figures are shown from \(gains.threshold) pairs, so that nobody's answers can be read off them.",
                summary: "\(gains.pairs) people answered both halves; \(gains.unpaired) answered only one and are left out of the gains.",
                chart: changes.isEmpty ? nil : SurveyCharts.changes(changes, low: 1, high: 5, title: "Mean before (blue) and after (green) per topic"),
                topics: gains.topics.map(Self.line), items: gains.items.map(Self.line),
                breakdowns: gains.breakdowns.map { breakdown in
                    Breakdown(dimension: breakdown.dimension.label,
                              lines: breakdown.groups.map { Self.line(label: $0.name, gain: $0.gain, pairs: $0.gain.pairs) },
                              hidden: breakdown.hiddenGroups == 0 ? nil
                                : "\(breakdown.hiddenGroups) group\(breakdown.hiddenGroups == 1 ? "" : "s") hidden: fewer than \(gains.threshold) pairs, or one would follow from the others.")
                },
                hasFigures: hasFigures)
        }
        hasPairs = !pairs.isEmpty
    }

    static func line(_ line: LearningGains.Line) -> Line {
        guard let gain = line.gain else {
            return Line(label: line.label.text(in: .english), pairs: "\(line.pairs)", before: "–", after: "–", gain: "–",
                        interval: line.withheld ? "withheld" : "–", effect: "–")
        }
        return Self.line(label: line.label.text(in: .english), gain: gain, pairs: line.pairs)
    }

    static func line(label: String, gain: PairedGain, pairs: Int) -> Line {
        Line(label: label, pairs: "\(pairs)", before: String(format: "%.2f", gain.meanBefore), after: String(format: "%.2f", gain.meanAfter),
             gain: String(format: "%+.2f", gain.meanGain),
             interval: gain.confidenceInterval.map { String(format: "%+.2f to %+.2f", $0.lowerBound, $0.upperBound) } ?? "–",
             effect: gain.effectSize.map { String(format: "%.2f", $0) } ?? "–")
    }
}
