import CohortCore
import Foundation
import SQLKit

extension DemoLoader {
    /// The demo's surveys with their invented responses, written as answering would write
    /// them (a response apart from the record of who answered), and each needs assessment's
    /// topics linked to the sessions whose topics answer them. Loaded after the agendas and
    /// attendance, which decide who a module's or a session's survey asks.
    static func loadSurveys(programIDs: [String: UUID], modules: [String: [ProgramModule]], now: Date, on sql: any SyncSQL) throws {
        if let programID = programIDs[DemoCatalog.nextEditionSlug] {
            for (index, nominee) in DemoCatalog.nomineesNext.enumerated() {
                let id = UUID()
                try PeopleSQL.insert(id: id, fullName: nominee.name, country: nominee.country, sector: nominee.sector.rawValue,
                                     position: nominee.position, isSample: true, email: DemoCatalog.nextNomineeEmail(index),
                                     organisationName: nominee.organisation, now: now, on: sql)
                try PeopleSQL.enrol(Enrolment(programID: programID, personID: id, role: .participant), on: sql)
            }
        }
        var pairs: [String: UUID] = [:]
        var pseudonyms: [String: String] = [:]
        for (seed, entry) in DemoCatalog.surveys(now: now).enumerated() {
            guard let programID = programIDs[entry.programSlug], let audience = try audience(entry.target, modules: modules[entry.programSlug] ?? [], on: sql),
                  let zone = modules[entry.programSlug]?.first?.timeZone else { continue }
            let id = UUID()
            let pairID = entry.pairKey.map { key in pairs[key] ?? { pairs[key] = id; return id }() }
            let survey = Survey(id: id, programID: programID, kind: entry.kind, privacy: entry.privacy, pairID: pairID,
                                title: LocalizedText(english: entry.title), intro: LocalizedText(entry.intro.isEmpty ? [:] : [.english: entry.intro]),
                                form: SurveyTemplate.form(entry.kind, topics: TopicKeys.make(entry.topics.map(\.label))), audience: audience,
                                opensAt: entry.opensAt, closesAt: entry.closesAt, timeZone: zone, reminderEveryDays: entry.reminderDays, isSample: true)
            try SurveySQL.insert(survey, now: min(now, entry.opensAt), on: sql)
            let asked = try SurveySQL.audience(survey, on: sql).sorted { ($0.email ?? "") < ($1.email ?? "") }
            let days = max(1, Int(entry.closesAt.timeIntervalSince(entry.opensAt) / 86_400))
            for (index, person) in asked.enumerated() {
                guard let answers = DemoCatalog.sampleAnswers(entry, form: survey.form, person: index, seed: seed) else { continue }
                let answeredAt = min(now, entry.opensAt.addingTimeInterval(Double(index % days) * 86_400 + 3_600))
                let day = ResponseDay.of(answeredAt, zone: zone)
                let pseudonym = pairID.map { pair in
                    let key = "\(pair):\(person.personID)"
                    if let known = pseudonyms[key] { return known }
                    let made = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                    pseudonyms[key] = made
                    return made
                }
                try SurveySQL.insertResponse(surveyID: id, personID: entry.privacy == .identified ? person.personID : nil,
                                             pseudonym: entry.privacy == .paired ? pseudonym : nil, answers: answers,
                                             groups: try SurveySQL.groups(personID: person.personID, programID: programID, on: sql),
                                             language: person.language, day: day, at: nil, on: sql)
                try SurveySQL.markResponded(surveyID: id, personID: person.personID, day: day, on: sql)
            }
            if entry.kind == .needsAssessment { try linkNeeds(entry, surveyID: id, programID: programID, on: sql) }
        }
    }

    private static func audience(_ target: DemoCatalog.SurveyTarget, modules: [ProgramModule], on sql: any SyncSQL) throws -> SurveyAudience? {
        switch target {
        case .program: return .program
        case .module(let number): return modules.first { $0.number == number }.map { .module($0.id) }
        case .session(let number, let title):
            guard let module = modules.first(where: { $0.number == number }) else { return nil }
            let entries = try AgendaSQL.entries(where: "s.module_id = \(bind: module.id)", on: sql)
            return entries.first { $0.session.title.text(in: .english) == title }.map { .session($0.session.id) }
        }
    }

    /// A topic is answered by the program's sessions tagged with one of its session topics.
    private static func linkNeeds(_ entry: DemoCatalog.SurveyEntry, surveyID: UUID, programID: UUID, on sql: any SyncSQL) throws {
        let sessions = try AgendaSQL.entries(where: "m.program_id = \(bind: programID)", on: sql).map(\.session)
        for (topic, key) in zip(entry.topics, TopicKeys.make(entry.topics.map(\.label)).map(\.key)) {
            for session in sessions where !session.isCancelled && !Set(session.topics).isDisjoint(with: topic.sessionTags) {
                try sql.run("""
                    INSERT INTO session_needs (id, survey_id, topic, session_id) VALUES (\(bind: UUID()), \(bind: surveyID), \(bind: key), \(bind: session.id))
                    """)
            }
        }
    }
}
