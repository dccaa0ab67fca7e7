import CohortCore
import Foundation

/// Fills a survey with many made-up responses, fast, for benchmarks: every rating and
/// choice answered, a short text on a third of them, groups spread over countries and
/// sectors. Deterministic for a given seed. No person is linked to them.
public struct SyntheticSurveyResponses: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    static let countries = ["Malaysia", "Malaysia", "Nepal", "Bangladesh", "Philippines", "Indonesia", "Cambodia"]
    static let sectors = ["NGO", "Trade union", "National human rights institution", "Network"]

    public func fill(surveyID: UUID, count: Int, now: Date, seed: UInt64 = 7) async throws {
        guard let survey = try await db.read({ sql in try SurveySQL.find(surveyID, on: sql) }) else { throw DomainError.notFound("survey") }
        var random = SplitMix64(seed: seed)
        let day = ResponseDay.of(now, zone: survey.timeZone)
        var made = 0
        while made < count {
            let batch = min(1_000, count - made)
            var responses: [([String: Answer], [BreakdownDimension: String])] = []
            for _ in 0..<batch {
                var answers: [String: Answer] = [:]
                for item in survey.form.items {
                    switch item.question.type {
                    case .rating, .grid, .singleChoice:
                        let options = item.question.options
                        if !options.isEmpty { answers[item.key] = .text(options[Int(random.next() % UInt64(options.count))].value) }
                    case .longText, .shortText:
                        if random.next() % 3 == 0 { answers[item.key] = .text("Made-up answer \(random.next() % 10_000)") }
                    case .number:
                        answers[item.key] = .text("\(random.next() % 20)")
                    default: break
                    }
                }
                let country = Self.countries[Int(random.next() % UInt64(Self.countries.count))]
                responses.append((answers, [.country: country, .countryRole: country == "Malaysia" ? "Destination" : "Origin",
                                            .sector: Self.sectors[Int(random.next() % UInt64(Self.sectors.count))]]))
            }
            let written = responses
            try await db.write { sql in
                for (answers, groups) in written {
                    try SurveySQL.insertResponse(surveyID: surveyID, personID: nil, pseudonym: nil, answers: answers, groups: groups,
                                                 language: .english, day: day, at: nil, on: sql)
                }
            }
            made += batch
        }
    }
}
