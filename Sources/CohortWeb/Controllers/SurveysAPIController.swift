import CohortCore
import CohortStore
import Vapor

/// Surveys for staff tokens of a program's managers: the surveys, one survey's responses (a
/// person only for an identified survey, a pseudonym only for a paired one, neither for an
/// anonymous one), and the learning gains. Protected surveys under the small-cell threshold give no responses.
struct SurveysAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.apiProgramSurveys, use: surveys)
        routes.get(.apiSurveyResponses, use: responses)
        routes.get(.apiProgramLearningGains, use: learningGains)
    }

    struct SurveyList: Encodable {
        struct Item: Encodable {
            let id: String
            let kind: String
            let privacy: String
            let pairID: String?
            let title: String
            let opensAt: String
            let closesAt: String
            let responses: Int
        }

        let surveys: [Item]
    }

    struct ResponseList: Encodable {
        struct Person: Encodable {
            let id: String
            let name: String
        }

        struct Given: Encodable {
            let key: String
            let value: Value
        }

        /// Ratings and numbers as numbers, multiple choice as a list, the rest as text.
        enum Value: Encodable {
            case number(Double), text(String), list([String])

            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .number(let number): try container.encode(number)
                case .text(let text): try container.encode(text)
                case .list(let items): try container.encode(items)
                }
            }
        }

        struct Item: Encodable {
            let pseudonym: String?
            let person: Person?
            let answers: [Given]
        }

        let survey: String
        let privacy: String
        let responseCount: Int
        /// True when a protected survey has fewer responses than the threshold: none are given.
        let withheld: Bool
        let responses: [Item]
    }

    func surveys(req: Request) async throws -> Response {
        let program = try await Self.program(req)
        let items = try await SurveyStore(db: req.persistence).surveys(programID: program.id).map { survey, responses in
            SurveyList.Item(id: survey.id.uuidString.lowercased(), kind: survey.kind.rawValue, privacy: survey.privacy.rawValue,
                            pairID: survey.pairID?.uuidString.lowercased(), title: survey.title.text(in: .english),
                            opensAt: survey.opensAt.formatted(.iso8601), closesAt: survey.closesAt.formatted(.iso8601), responses: responses)
        }
        return try API.json(SurveyList(surveys: items))
    }

    func responses(req: Request) async throws -> Response {
        let actor = try await StaffAPIController.actor(req)
        let store = SurveyStore(db: req.persistence)
        guard let id = req.parameters.get("surveyID", as: UUID.self), let survey = try await store.survey(id),
              AccessPolicy.allows(actor, .manageSurveys(survey.programID)) else { throw RequestProblem.noReadableSurvey }
        let stored = try await store.responses(surveyID: survey.id)
        let withheld = survey.privacy.protectsRespondents && !SmallCells.mayShow(responses: stored.count, threshold: req.config.smallCellThreshold)
        var names: [UUID: String] = [:]
        if survey.privacy == .identified {
            for record in try await ProgramParticipantsStore(db: req.persistence).participants(programID: survey.programID, now: req.now) {
                names[record.personID] = record.name
            }
        }
        let items = survey.form.items
        let shown = withheld ? [] : (survey.privacy == .anonymous ? stored.shuffled() : stored)
        let list = shown.map { response in
            ResponseList.Item(
                pseudonym: survey.privacy == .paired ? response.pseudonym : nil,
                person: survey.privacy == .identified ? response.personID.map { .init(id: $0.uuidString.lowercased(), name: names[$0] ?? "") } : nil,
                answers: items.compactMap { item in
                    guard let answer = response.answers.answers[item.key], !answer.isBlank else { return nil }
                    return ResponseList.Given(key: item.key, value: Self.value(answer, item: item))
                })
        }
        return try API.json(ResponseList(survey: survey.id.uuidString.lowercased(), privacy: survey.privacy.rawValue, responseCount: stored.count,
                                         withheld: withheld, responses: list))
    }

    static func value(_ answer: Answer, item: SurveyItem) -> ResponseList.Value {
        switch answer {
        case .list(let items): return .list(items)
        case .text(let text):
            if item.isScale || item.question.type == .number, let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite {
                return .number(number)
            }
            return .text(text)
        }
    }

    func learningGains(req: Request) async throws -> Response {
        let program = try await Self.program(req)
        let pairs = try await LearningGainsReport.pairs(req, programID: program.id)
        return try API.json(LearningGainsJSON(pairs))
    }

    static func program(_ req: Request) async throws -> Program {
        let actor = try await StaffAPIController.actor(req)
        guard let program = try await ProgramStore(db: req.persistence).find(slug: try req.parameters.require("slug")),
              AccessPolicy.allows(actor, .manageSurveys(program.id)) else { throw RequestProblem.noReadableSurveys }
        return program
    }
}

/// `GET /api/v1/programs/{slug}/learning-gains`: per pair of self-assessments, the figures per
/// item and per topic and the breakdowns, with withheld figures and hidden groups marked.
struct LearningGainsJSON: Encodable {
    struct Figures: Encodable {
        let key: String
        let label: String
        let n: Int
        let suppressed: Bool
        let meanBefore: Double?
        let meanAfter: Double?
        let meanGain: Double?
        let ci95: [Double]?
        let effectSize: Double?

        init(_ line: LearningGains.Line) {
            self.init(key: line.key, label: line.label.text(in: .english), n: line.pairs, gain: line.gain, suppressed: line.withheld)
        }

        init(key: String, label: String, n: Int, gain: PairedGain?, suppressed: Bool) {
            self.key = key
            self.label = label
            self.n = n
            self.suppressed = suppressed
            meanBefore = gain?.meanBefore
            meanAfter = gain?.meanAfter
            meanGain = gain?.meanGain
            ci95 = gain?.confidenceInterval.map { [$0.lowerBound, $0.upperBound] }
            effectSize = gain?.effectSize
        }
    }

    struct Breakdown: Encodable {
        let dimension: String
        let groups: [Figures]
        /// Groups left out because they are under the threshold, or would follow from the others.
        let suppressedGroups: Int
    }

    struct Pair: Encodable {
        let before: String
        let after: String?
        let pairs: Int
        let unpaired: Int
        let threshold: Int
        let overall: Figures?
        let items: [Figures]
        let topics: [Figures]
        let breakdowns: [Breakdown]
    }

    let pairs: [Pair]

    init(_ report: [LearningGainsReport.Pair]) {
        pairs = report.map { pair in
            let gains = pair.gains
            return Pair(before: pair.before.id.uuidString.lowercased(), after: pair.after?.id.uuidString.lowercased(),
                        pairs: gains?.pairs ?? 0, unpaired: gains?.unpaired ?? 0, threshold: gains?.threshold ?? SmallCells.defaultThreshold,
                        overall: gains.map { Figures($0.overall) }, items: gains?.items.map(Figures.init) ?? [],
                        topics: gains?.topics.map(Figures.init) ?? [],
                        breakdowns: gains?.breakdowns.map { breakdown in
                            Breakdown(dimension: breakdown.dimension.rawValue,
                                      groups: breakdown.groups.map { Figures(key: $0.name, label: $0.name, n: $0.gain.pairs, gain: $0.gain, suppressed: false) },
                                      suppressedGroups: breakdown.hiddenGroups)
                        } ?? [])
        }
    }
}
