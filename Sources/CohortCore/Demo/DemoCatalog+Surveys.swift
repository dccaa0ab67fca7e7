import Foundation

/// The demo's surveys: for the 2006 workshop and the 2017/18 program, a needs assessment, a
/// paired self-assessment before and after, and an evaluation, with invented answers; for
/// the next edition, Module 1's needs assessment open now, answered by most of its early
/// nominees. None of it comes from the seed, which says only that the program was "designed
/// with program participants"; every survey and answer is marked as sample data.
extension DemoCatalog {
    /// A topic rated in a needs assessment or a self-assessment, with the levels the invented
    /// answers centre on, and the session topics that answer it on the demo's agendas.
    public struct SurveyTopic: Sendable {
        public let label: String
        public let sessionTags: [String]
        public let need: Double
        public let knowledge: Double
        public let gain: Double
    }

    public enum SurveyTarget: Sendable {
        case program
        case module(Int)
        case session(module: Int, title: String)
    }

    public struct SurveyEntry: Sendable {
        public let programSlug: String
        public let kind: SurveyKind
        public let privacy: SurveyPrivacy
        /// The two halves of a pre/post pair share a key.
        public let pairKey: String?
        public let title: String
        public let intro: String
        public let topics: [SurveyTopic]
        public let target: SurveyTarget
        public let opensAt: Date
        public let closesAt: Date
        public let reminderDays: Int?
        /// How many of those asked answered, in the order of their addresses, skipping the first `skipped`.
        public let answered: Int
        public let skipped: Int
    }

    static func kl(_ text: String) -> Date {
        LocalDateTime.parse(text, zone: "Asia/Kuala_Lumpur")!
    }

    static let topics2006: [SurveyTopic] = [
        .init(label: "The Convention on Migrant Workers and the rights it protects", sessionTags: ["ICRMW", "Part III"], need: 4.6, knowledge: 1.9, gain: 1.6),
        .init(label: "The Committee on Migrant Workers and the treaty bodies", sessionTags: ["CMW", "Treaty bodies"], need: 4.1, knowledge: 1.6, gain: 1.4),
        .init(label: "ILO standards on labour migration", sessionTags: ["ILO C97", "ILO C143", "ILO"], need: 3.9, knowledge: 2.4, gain: 1.0),
        .init(label: "Domestic work and labour law", sessionTags: ["Domestic work"], need: 4.3, knowledge: 2.6, gain: 0.8),
        .init(label: "Documenting cases", sessionTags: ["Documentation"], need: 3.6, knowledge: 2.8, gain: 0.7),
        .init(label: "Working with the media", sessionTags: ["Media"], need: 3.1, knowledge: 2.5, gain: 0.6),
        .init(label: "Networks across countries of origin and destination", sessionTags: ["Networks"], need: 4.0, knowledge: 2.2, gain: 1.1),
    ]

    static let topics2017: [SurveyTopic] = [
        .init(label: "The Migrant Workers Convention and its Committee", sessionTags: ["ICRMW", "CMW"], need: 4.5, knowledge: 1.8, gain: 1.5),
        .init(label: "ILO conventions on domestic work and recruitment", sessionTags: ["ILO C189", "ILO C181", "Recruitment"], need: 4.4, knowledge: 2.2, gain: 1.3),
        .init(label: "The Universal Periodic Review", sessionTags: ["UPR"], need: 3.8, knowledge: 1.7, gain: 1.4),
        .init(label: "Documenting cases", sessionTags: ["Documentation"], need: 4.2, knowledge: 2.7, gain: 0.9),
        .init(label: "Working with the media", sessionTags: ["Media"], need: 3.5, knowledge: 2.4, gain: 0.8),
        .init(label: "Lobbying and campaigns", sessionTags: ["Lobbying", "Campaigns"], need: 3.9, knowledge: 2.3, gain: 0.9),
        .init(label: "Networks between countries of origin and Malaysia", sessionTags: ["Networks"], need: 4.1, knowledge: 2.1, gain: 1.2),
        .init(label: "Access to justice", sessionTags: ["Access to justice"], need: 3.7, knowledge: 2.0, gain: 1.0),
    ]

    /// The next edition asks about what the 2017/18 program covered and one thing it did not.
    static let topicsNext: [SurveyTopic] = topics2017 + [
        .init(label: "Digital security for advocates", sessionTags: [], need: 4.3, knowledge: 1.9, gain: 0),
    ]

    public static let nextNomineeCount = 8

    public static func nextNomineeEmail(_ index: Int) -> String { String(format: "nominee-next-%02d@demo.cohort.example", index + 1) }

    /// Early nominees of partner organisations for the next edition, so its needs assessment has someone to ask.
    public static let nomineesNext: [NomineeEntry] = [
        .init(name: "Kavitha Subramaniam", country: "MY", organisation: "Migrant shelter (sample)", sector: .ngo, position: "Caseworker"),
        .init(name: "Azlan Bin Omar", country: "MY", organisation: "Plantation workers' union (sample)", sector: .tradeUnion, position: "Organiser"),
        .init(name: "Rina Marlina", country: "ID", organisation: "Domestic workers' network (sample)", sector: .network, position: "Advocate"),
        .init(name: "Bishnu Prasad Koirala", country: "NP", organisation: "Safe migration centre (sample)", sector: .ngo, position: "Officer"),
        .init(name: "Shirin Akter", country: "BD", organisation: "Returnee support group (sample)", sector: .ngo, position: "Support worker"),
        .init(name: "Maricel Dizon", country: "PH", organisation: "Labour federation, migrant desk (sample)", sector: .tradeUnion, position: "Desk officer"),
        .init(name: "Sokha Chea", country: "KH", organisation: "Legal aid centre (sample)", sector: .ngo, position: "Legal aid officer"),
        .init(name: "Lee Wei Ming", country: "MY", organisation: "Bar committee on migrants (sample)", sector: .barAssociation, position: "Lawyer"),
    ]

    public static func surveys(now: Date) -> [SurveyEntry] {
        let day: TimeInterval = 86_400
        return [
            SurveyEntry(programSlug: program2006.slug, kind: .needsAssessment, privacy: .anonymous, pairKey: nil,
                        title: "Before the workshop: what do you need?", intro: "Your answers shape the workshop's sessions.",
                        topics: topics2006, target: .program, opensAt: kl("2006-03-01T09:00"), closesAt: kl("2006-03-24T23:59"),
                        reminderDays: 7, answered: 26, skipped: 0),
            SurveyEntry(programSlug: program2006.slug, kind: .preAssessment, privacy: .paired, pairKey: "2006",
                        title: "Self-assessment on the first morning", intro: "", topics: topics2006, target: .program,
                        opensAt: kl("2006-04-07T08:00"), closesAt: kl("2006-04-07T12:00"), reminderDays: nil, answered: 30, skipped: 0),
            SurveyEntry(programSlug: program2006.slug, kind: .postAssessment, privacy: .paired, pairKey: "2006",
                        title: "Self-assessment on the last afternoon", intro: "", topics: topics2006, target: .program,
                        opensAt: kl("2006-04-11T14:00"), closesAt: kl("2006-04-18T23:59"), reminderDays: 2, answered: 28, skipped: 2),
            SurveyEntry(programSlug: program2006.slug, kind: .moduleEvaluation, privacy: .anonymous, pairKey: nil,
                        title: "Evaluation of the workshop", intro: "", topics: [], target: .module(1),
                        opensAt: kl("2006-04-11T14:00"), closesAt: kl("2006-04-25T23:59"), reminderDays: 3, answered: 27, skipped: 1),
            SurveyEntry(programSlug: program2017.slug, kind: .needsAssessment, privacy: .anonymous, pairKey: nil,
                        title: "Before Module 1: what do you need from the program?", intro: "Your answers shape the five modules.",
                        topics: topics2017, target: .program, opensAt: kl("2017-09-01T09:00"), closesAt: kl("2017-09-22T23:59"),
                        reminderDays: 5, answered: 24, skipped: 2),
            SurveyEntry(programSlug: program2017.slug, kind: .preAssessment, privacy: .paired, pairKey: "2017",
                        title: "Self-assessment before Module 1", intro: "", topics: topics2017, target: .module(1),
                        opensAt: kl("2017-09-25T09:00"), closesAt: kl("2017-10-08T23:59"), reminderDays: 3, answered: 27, skipped: 0),
            SurveyEntry(programSlug: program2017.slug, kind: .postAssessment, privacy: .paired, pairKey: "2017",
                        title: "Self-assessment after Module 5", intro: "", topics: topics2017, target: .module(5),
                        opensAt: kl("2018-09-01T09:00"), closesAt: kl("2018-09-21T23:59"), reminderDays: 4, answered: 25, skipped: 1),
            SurveyEntry(programSlug: program2017.slug, kind: .sessionFeedback, privacy: .anonymous, pairKey: nil,
                        title: "Feedback: the Committee on Migrant Workers", intro: "",
                        topics: [], target: .session(module: 1, title: "The Committee on Migrant Workers and its reviews of countries of origin"),
                        opensAt: kl("2017-10-10T12:30"), closesAt: kl("2017-10-20T23:59"), reminderDays: nil, answered: 19, skipped: 0),
            SurveyEntry(programSlug: program2017.slug, kind: .moduleEvaluation, privacy: .anonymous, pairKey: nil,
                        title: "Evaluation of Module 3", intro: "", topics: [], target: .module(3),
                        opensAt: kl("2018-04-26T15:00"), closesAt: kl("2018-05-10T23:59"), reminderDays: 3, answered: 22, skipped: 1),
            SurveyEntry(programSlug: nextEditionSlug, kind: .needsAssessment, privacy: .anonymous, pairKey: nil,
                        title: "Module 1: what do you need from it?",
                        intro: "Rate each topic: the agenda of Module 1 is being drafted from your answers.",
                        topics: topicsNext, target: .module(1), opensAt: now.addingTimeInterval(-10 * day), closesAt: now.addingTimeInterval(18 * day),
                        reminderDays: 4, answered: 6, skipped: 2),
        ]
    }

    static let wishes = [
        "How to use the Committee's reviews of my own country in our campaign.",
        "Contacts in the countries of origin to refer cases to.",
        "Practice writing a submission with others.",
        "Ways to document cases without putting workers at risk.",
        "What the ILO conventions mean for domestic workers in Malaysia.",
        "Confidence to speak to officials and to the press.",
    ]

    static let feedbackBest = [
        "Working in country groups on real cases.", "The speaker knew the Committee from the inside.",
        "Time to ask questions.", "Meeting advocates from the other end of the migration route.",
    ]

    static let feedbackChange = [
        "More time for the group work.", "Materials in Bahasa Malaysia before the session.", "Fewer slides, more examples.",
    ]

    /// An invented response of the `person`-th person asked (in the order of their addresses),
    /// or nil for those who did not answer. The same on every load.
    public static func sampleAnswers(_ entry: SurveyEntry, form: FormDefinition, person: Int, seed: Int) -> [String: Answer]? {
        guard person >= entry.skipped, person < entry.skipped + entry.answered else { return nil }
        func wobble(_ salt: Int) -> Double {
            // Around nothing, spread evenly but the same on every load.
            [-1.2, -0.6, -0.3, 0, 0, 0.3, 0.6, 1.2][abs((person &* 7919) &+ (salt &* 104_729) &+ (seed &* 31)) % 8]
        }
        func point(_ centre: Double, _ salt: Int) -> Answer { .text("\(Int(min(5, max(1, (centre + wobble(salt)).rounded()))))") }
        var answers: [String: Answer] = [:]
        let topicByKey = Dictionary(uniqueKeysWithValues: zip(TopicKeys.make(entry.topics.map(\.label)).map(\.key), entry.topics))
        for (index, item) in form.items.enumerated() {
            let topic = item.row.flatMap { topicByKey[$0.value] }
            switch (item.question.key, topic) {
            case (NeedsRanking.needKey, let topic?): answers[item.key] = point(topic.need, index)
            case (NeedsRanking.knowledgeKey, let topic?), ("confidence", let topic?):
                let after = entry.kind == .postAssessment ? topic.gain : 0
                answers[item.key] = point(topic.knowledge + after - (item.question.key == "confidence" ? 0.3 : 0), index)
            case ("useful", _), ("used", _): answers[item.key] = point(4.2, index)
            case ("clear", _): answers[item.key] = point(3.8, index)
            case ("will_use", _): answers[item.key] = .text(["yes", "yes", "maybe", "yes", "no"][person % 5])
            case ("most_wanted", _): answers[item.key] = .text(person % 2 == 0 ? wishes[(person / 2) % wishes.count] : "")
            case ("best", _): answers[item.key] = .text(person % 3 == 0 ? "" : feedbackBest[person % feedbackBest.count])
            case ("change", _): answers[item.key] = .text(person % 4 == 1 ? feedbackChange[person % feedbackChange.count] : "")
            default: break
            }
        }
        return answers
    }
}
