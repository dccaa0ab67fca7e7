import CohortCore
import CohortStore
import Vapor

/// A needs assessment read against the agenda: its ranking, with the sessions that answer each need.
enum CoDesign {
    struct Reading: Sendable {
        let ranking: NeedsRanking
        /// Protected and under the threshold: the order and the figures are withheld.
        let withheld: Bool
    }

    static func reading(_ req: Request, survey: Survey) async throws -> Reading {
        let store = SurveyStore(db: req.persistence)
        let responses = try await store.responses(surveyID: survey.id).map(\.answers)
        let ranking = NeedsRanking.compute(survey, responses: responses, invited: try await store.audience(survey).count,
                                           links: try await store.needLinks(surveyID: survey.id))
        let withheld = survey.privacy.protectsRespondents && !SmallCells.mayShow(responses: responses.count, threshold: req.config.smallCellThreshold)
        return Reading(ranking: ranking, withheld: withheld)
    }

    /// The program's latest needs assessment that has answers and may be shown.
    static func latest(_ req: Request, programID: UUID) async throws -> Reading? {
        let surveys = try await SurveyStore(db: req.persistence).surveys(programID: programID)
        for (survey, responses) in surveys.reversed() where survey.kind == .needsAssessment && responses > 0 {
            let reading = try await reading(req, survey: survey)
            if !reading.withheld { return reading }
        }
        return nil
    }

    /// The sentence the published agenda carries; numbers are of the published sessions.
    static func statement(_ req: Request, programID: UUID, published: [AgendaSession]) async throws -> String? {
        try await latest(req, programID: programID)?.ranking.statement(numbers: SessionNumbers.make(published))
    }

    /// The ranked needs as a facilitator reads them beside the published agenda.
    static func needLines(_ req: Request, programID: UUID, published: [AgendaSession]) async throws -> [AgendaView.NeedLine] {
        guard let reading = try await latest(req, programID: programID) else { return [] }
        let numbers = SessionNumbers.make(published)
        return reading.ranking.needs.filter { $0.meanNeed != nil }.map { need in
            let covering = need.sessions.compactMap { numbers[$0] }.sorted()
            return AgendaView.NeedLine(rank: need.rank, topic: need.label.text(in: .english),
                                       need: need.meanNeed.map { String(format: "%.1f", $0) } ?? "–",
                                       sessions: covering.isEmpty ? "No session yet" : "Session\(covering.count == 1 ? "" : "s") \(ListText.and(covering.map(String.init)))",
                                       isGap: need.isGap || (need.rank <= NeedsRanking.top && covering.isEmpty))
        }
    }
}

/// The staff page of a needs assessment: topics ranked by need, the sessions answering each
/// (ticked here), and the gaps among the most requested.
struct NeedsView: Sendable {
    struct Row: Sendable {
        let rank: String
        let label: String
        let need: String
        let knowledge: String
        let sessions: String
        let isGap: Bool
    }

    struct SessionChoice: Sendable {
        let id: String
        let name: String
        let label: String
        let checked: Bool
    }

    struct TopicLinks: Sendable {
        let id: String
        let label: String
        let sessions: [SessionChoice]
    }

    let programTitle: String
    let tabs: [Tab]
    let title: String
    let resultsHref: String
    let answered: String
    let withheld: String?
    let chart: String?
    let rows: [Row]
    let gaps: String?
    let statement: String?
    let action: String
    let csrf: String
    let topics: [TopicLinks]
    let hasSessions: Bool

    static func page(_ req: Request, program: Program, survey: Survey) async throws -> Response {
        let reading = try await CoDesign.reading(req, survey: survey)
        let setting = try await SurveySetting.load(req, program: program)
        let sessions = setting.sessions.filter { $0.session.kind != .breakTime && $0.session.kind != .meal && !$0.session.isCancelled }
        let names = Dictionary(uniqueKeysWithValues: sessions.map { ($0.session.id, "Module \($0.module.number): \($0.session.title.text(in: .english))") })
        let ranking = reading.ranking
        // Withheld, the topics keep the form's order so the order itself says nothing.
        let needs = reading.withheld
            ? (survey.form.question(NeedsRanking.needKey)?.rows ?? []).compactMap { row in ranking.needs.first { $0.topic == row.value } }
            : ranking.needs
        let rows = needs.map { need in
            Row(rank: reading.withheld ? "–" : "\(need.rank)", label: need.label.text(in: .english),
                need: reading.withheld ? "–" : need.meanNeed.map { String(format: "%.2f", $0) } ?? "not rated",
                knowledge: reading.withheld ? "–" : need.meanKnowledge.map { String(format: "%.2f", $0) } ?? "not rated",
                sessions: need.sessions.compactMap { names[$0] }.sorted().joined(separator: "; ").nonEmpty ?? "None yet",
                isGap: !reading.withheld && need.isGap)
        }
        let gapCount = rows.filter(\.isGap).count
        let chart = reading.withheld || ranking.responses == 0 ? nil : SurveyCharts.bars(
            ranking.needs.map { .init(label: $0.label.text(in: .english), value: $0.meanNeed ?? 0, text: $0.meanNeed.map { String(format: "%.1f", $0) } ?? "–") },
            maximum: 5, title: "Mean need per topic, from 1 to 5")
        let view = NeedsView(
            programTitle: program.title, tabs: Tab.program(slug: program.slug, current: "Surveys", isAdmin: req.actor?.isAdmin ?? false),
            title: survey.title.text(in: .english), resultsHref: SiteURL.surveyResults(slug: program.slug, id: survey.id).path,
            answered: "\(ranking.responses) of \(ranking.invited ?? 0) asked have answered.",
            withheld: reading.withheld ? "Fewer than \(req.config.smallCellThreshold) people have answered: the ranking is shown once more have." : nil,
            chart: chart, rows: rows,
            gaps: gapCount == 0 ? nil : "\(gapCount) of the \(NeedsRanking.top) most requested topics \(gapCount == 1 ? "has" : "have") no session answering \(gapCount == 1 ? "it" : "them") yet.",
            // Numbered as the agenda being drafted would be, once published.
            statement: reading.withheld ? nil : ranking.statement(numbers: SessionNumbers.make(setting.sessions.map(\.session))),
            action: SiteURL.surveyNeeds(slug: program.slug, id: survey.id).path, csrf: req.csrfToken(),
            topics: needs.map { need in
                TopicLinks(id: "topic-\(need.topic)", label: need.label.text(in: .english), sessions: sessions.map { entry in
                    let id = entry.session.id.uuidString.lowercased()
                    return SessionChoice(id: "link-\(need.topic)-\(id)", name: "link__\(need.topic)__\(id)",
                                         label: names[entry.session.id] ?? entry.session.title.text(in: .english), checked: need.sessions.contains(entry.session.id))
                })
            },
            hasSessions: !sessions.isEmpty)
        return req.page(.staffSurveyNeeds, title: "Needs – \(program.title)", view, trail: StaffProgram.trail)
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
