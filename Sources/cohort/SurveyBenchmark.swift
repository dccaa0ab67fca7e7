import CohortCore
import CohortStore
import Foundation
import Vapor

/// `cohort demo --survey-responses N`: fills the next edition's needs assessment and times
/// what its results page computes (the results of every question, their breakdowns and the
/// needs ranking), apart from reading the rows, so the figure can be compared with the target.
enum SurveyBenchmark {
    static func run(_ app: Application, responses count: Int) async throws {
        let store = SurveyStore(db: app.persistence)
        guard let program = try await ProgramStore(db: app.persistence).find(slug: DemoCatalog.nextEditionSlug),
              let survey = try await store.surveys(programID: program.id).map(\.survey).first(where: { $0.kind == .needsAssessment }) else {
            throw CLIError("load the demo data first: cohort demo")
        }
        let started = ContinuousClock.now
        try await SyntheticSurveyResponses(db: app.persistence).fill(surveyID: survey.id, count: count, now: app.wallClock.now)
        say("Added \(count) made-up responses to survey \(survey.id.uuidString.lowercased()) in \((ContinuousClock.now - started).components.seconds) s.")
        let readStarted = ContinuousClock.now
        let answers = try await store.responses(surveyID: survey.id).map(\.answers)
        say("Read \(answers.count) responses in \(milliseconds(ContinuousClock.now - readStarted)) ms.")
        var times: [Duration] = [], alone: [Duration] = []
        for _ in 0..<15 {
            let start = ContinuousClock.now
            let results = SurveyResults.compute(survey, responses: answers, invited: 8)
            alone.append(ContinuousClock.now - start)
            let columns = SurveyColumns(items: survey.form.items, responses: answers)
            let scores = SurveyScores(items: survey.form.items, responses: answers, columns: columns)
            for item in survey.form.items where item.isScale {
                for dimension in BreakdownDimension.allCases { _ = scores.breakdown(item, by: dimension) }
            }
            _ = NeedsRanking.compute(survey, responses: answers, invited: 8, links: [:], columns: columns)
            times.append(ContinuousClock.now - start)
            precondition(results.items.count == survey.form.items.count)
        }
        times.sort()
        alone.sort()
        say("Results of every question (counts, shares, means, spreads, texts) of \(answers.count) responses: "
            + "median \(milliseconds(alone[alone.count / 2])) ms, slowest \(milliseconds(alone.last!)) ms over \(alone.count) runs.")
        say("Results, breakdowns and ranking of \(answers.count) responses (\(survey.form.items.count) items): "
            + "median \(milliseconds(times[times.count / 2])) ms, slowest \(milliseconds(times.last!)) ms over \(times.count) runs.")
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15)
    }
}
