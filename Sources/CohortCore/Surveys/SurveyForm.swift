import Foundation

/// The new-survey and survey-settings form as typed. Field names are flat so a plain HTML form posts them.
public struct SurveyForm: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(_ name: String) -> String { values[name] ?? "" }

    public static let maxTopics = 20

    /// The languages a survey's title and introduction may be given in besides English;
    /// respondents read English where a translation is missing.
    public static let translations = Language.allCases.filter { $0 != .english }

    /// A new survey's starting values: a needs assessment of the whole program, open for two weeks.
    public static func blank(now: Date, zone: String) -> SurveyForm {
        SurveyForm(values: [
            "kind": SurveyKind.needsAssessment.rawValue, "privacy": SurveyPrivacy.anonymous.rawValue, "audience": "program",
            "timeZone": zone, "opensAt": LocalDateTime.format(now, zone: zone),
            "closesAt": LocalDateTime.format(now.addingTimeInterval(14 * 86_400), zone: zone), "reminderDays": "3",
        ])
    }

    public init(_ survey: Survey) {
        var values: [String: String] = [
            "kind": survey.kind.rawValue, "privacy": survey.privacy.rawValue, "timeZone": survey.timeZone,
            "opensAt": LocalDateTime.format(survey.opensAt, zone: survey.timeZone),
            "closesAt": LocalDateTime.format(survey.closesAt, zone: survey.timeZone),
            "reminderDays": survey.reminderEveryDays.map(String.init) ?? "",
            "title": survey.title.values[.english] ?? "", "intro": survey.intro.values[.english] ?? "",
        ]
        for language in Self.translations {
            values["title_\(language.rawValue)"] = survey.title.values[language] ?? ""
            values["intro_\(language.rawValue)"] = survey.intro.values[language] ?? ""
        }
        switch survey.audience {
        case .program: values["audience"] = "program"
        case .module(let id): values["audience"] = "module:\(id.uuidString.lowercased())"
        case .session(let id): values["audience"] = "session:\(id.uuidString.lowercased())"
        }
        values["pairWith"] = survey.pairID.map { $0.uuidString.lowercased() } ?? ""
        self.values = values
    }

    /// What the form may name: the program's modules and sessions, and the paired surveys a new half can join.
    public struct Choices: Sendable {
        public let modules: Set<UUID>
        public let sessions: Set<UUID>
        /// Paired surveys by id, with their pair id (their own id when they have none yet).
        public let pairable: [UUID: UUID]

        public init(modules: Set<UUID>, sessions: Set<UUID>, pairable: [UUID: UUID]) {
            self.modules = modules
            self.sessions = sessions
            self.pairable = pairable
        }
    }

    /// The survey this form describes.
    /// - Parameter current: the survey as saved, when changing its settings: its kind, privacy and questions are kept.
    public func validated(id: UUID, programID: UUID, choices: Choices, current: Survey?, isSample: Bool = false) throws -> Survey {
        var errors = FieldErrorList()
        let title = TextRules.clean(self["title"])
        TextRules.requireLine(title, field: "title", label: "a title", max: 200, into: &errors)
        let intro = TextRules.clean(self["intro"])
        TextRules.limit(intro, field: "intro", label: "an introduction", max: 2_000, into: &errors)
        var titles: [Language: String] = [.english: title], intros: [Language: String] = [.english: intro]
        for language in Self.translations {
            let title = TextRules.clean(self["title_\(language.rawValue)"]), intro = TextRules.clean(self["intro_\(language.rawValue)"])
            if !title.isEmpty { TextRules.requireLine(title, field: "title_\(language.rawValue)", label: "a title", max: 200, into: &errors) }
            TextRules.limit(intro, field: "intro_\(language.rawValue)", label: "an introduction", max: 2_000, into: &errors)
            titles[language] = title
            intros[language] = intro
        }
        let kind = current?.kind ?? SurveyKind(rawValue: self["kind"])
        if kind == nil { errors.add("kind", "Choose what the survey is for.") }
        var privacy = current?.privacy ?? SurveyPrivacy(rawValue: self["privacy"])
        if privacy == nil { errors.add("privacy", "Choose how private the answers are.") }
        if current == nil, let kind, kind.isPairedHalf { privacy = .paired }

        let audience = audience(choices, into: &errors)
        let zone = self["timeZone"]
        let zoneKnown = TimeZone(identifier: zone) != nil
        if !zoneKnown { errors.add("timeZone", "Choose the time zone the survey's times are in, like Asia/Kuala_Lumpur.") }
        let opensAt = LocalDateTime.parse(self["opensAt"], zone: zoneKnown ? zone : "UTC")
        let closesAt = LocalDateTime.parse(self["closesAt"], zone: zoneKnown ? zone : "UTC")
        if opensAt == nil { errors.add("opensAt", "Enter the opening date and time, like 2026-12-01 09:00.") }
        if closesAt == nil { errors.add("closesAt", "Enter the closing date and time, like 2026-12-15 23:59.") }
        if let opensAt, let closesAt, closesAt <= opensAt { errors.add("closesAt", "The survey must close after it opens.") }
        var reminder: Int?
        let reminderText = self["reminderDays"].trimmingCharacters(in: .whitespaces)
        if !reminderText.isEmpty {
            reminder = Int(reminderText)
            if reminder == nil || !(1...60).contains(reminder!) {
                errors.add("reminderDays", "Enter a whole number of days from 1 to 60, or leave it empty for no reminders.")
            }
        }

        var pairID = current?.pairID
        if current == nil, privacy == .paired {
            let chosen = self["pairWith"].trimmingCharacters(in: .whitespaces)
            if chosen.isEmpty {
                pairID = id
            } else if let other = UUID(uuidString: chosen), let pair = choices.pairable[other] {
                pairID = pair
            } else {
                errors.add("pairWith", "Choose one of this program's paired surveys, or none to start a new pair.")
            }
        }

        var form = current?.form
        if current == nil, let kind {
            let topics = self["topics"].split(whereSeparator: \.isNewline).map { TextRules.clean(String($0)) }.filter { !$0.isEmpty }
            let needsTopics = kind == .needsAssessment || kind.isPairedHalf
            if needsTopics && topics.isEmpty {
                errors.add("topics", "List the topics to rate, one per line, like “The Migrant Workers Convention and its Committee”.")
            } else if topics.count > Self.maxTopics || topics.contains(where: { $0.count > 120 }) {
                errors.add("topics", "List at most \(Self.maxTopics) topics of up to 120 characters each.")
            } else if Set(topics.map { $0.lowercased() }).count != topics.count {
                errors.add("topics", "Each topic once: two lines say the same.")
            }
            form = SurveyTemplate.form(kind, topics: TopicKeys.make(topics))
        }
        try errors.check()
        return Survey(id: id, programID: programID, kind: kind!, privacy: privacy!, pairID: privacy == .paired ? pairID : nil,
                      title: LocalizedText(titles), intro: LocalizedText(intros),
                      form: form!, audience: audience!, opensAt: opensAt!, closesAt: closesAt!, timeZone: zone,
                      reminderEveryDays: reminder, isSample: current?.isSample ?? isSample)
    }

    private func audience(_ choices: Choices, into errors: inout FieldErrorList) -> SurveyAudience? {
        let text = self["audience"]
        if text == "program" { return .program }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let id = UUID(uuidString: parts[1]) {
            if parts[0] == "module", choices.modules.contains(id) { return .module(id) }
            if parts[0] == "session", choices.sessions.contains(id) { return .session(id) }
        }
        errors.add("audience", "Choose who is asked: the program's participants, one module's, or one session's.")
        return nil
    }
}
