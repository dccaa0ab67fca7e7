import Foundation

/// What a survey is for. The raw values are the API's words.
public enum SurveyKind: String, CaseIterable, Codable, Sendable {
    case needsAssessment, preAssessment, postAssessment, sessionFeedback, moduleEvaluation, followUp, custom

    public var label: String {
        switch self {
        case .needsAssessment: "Needs assessment"
        case .preAssessment: "Self-assessment before"
        case .postAssessment: "Self-assessment after"
        case .sessionFeedback: "Session feedback"
        case .moduleEvaluation: "Module evaluation"
        case .followUp: "Follow-up"
        case .custom: "Other survey"
        }
    }

    /// Pre- and post-assessments are paired with each other, so they are paired surveys.
    public var isPairedHalf: Bool { self == .preAssessment || self == .postAssessment }
}

/// Who can tell whose answers are whose.
public enum SurveyPrivacy: String, CaseIterable, Codable, Sendable {
    /// Responses carry the person.
    case identified
    /// The response holds no person and no link to one; a separate record says who has answered.
    case anonymous
    /// Responses carry a pseudonym, the same for one person across the two halves of a pair.
    case paired

    public var label: String {
        switch self {
        case .identified: "Identified: answers show who gave them"
        case .anonymous: "Anonymous: nobody can tell whose answers are whose"
        case .paired: "Paired: before and after are matched under a pseudonym"
        }
    }

    /// Whether results wait for enough responses and hide person columns.
    public var protectsRespondents: Bool { self != .identified }
}

/// Who is asked: a program's participants, one module's, or one session's attendees.
public enum SurveyAudience: Hashable, Sendable {
    case program
    case module(UUID)
    case session(UUID)

    public var kind: String {
        switch self {
        case .program: "program"
        case .module: "module"
        case .session: "session"
        }
    }

    public var targetID: UUID? {
        switch self {
        case .program: nil
        case .module(let id), .session(let id): id
        }
    }

    public init?(kind: String, targetID: UUID?) {
        switch (kind, targetID) {
        case ("program", _): self = .program
        case ("module", let id?): self = .module(id)
        case ("session", let id?): self = .session(id)
        default: return nil
        }
    }
}

/// A questionnaire of a program: its questions (a form, like a call's, one section per page),
/// who is asked, when it is open, and how private the answers are.
public struct Survey: Hashable, Sendable {
    public var id: UUID
    public var programID: UUID
    public var kind: SurveyKind
    public var privacy: SurveyPrivacy
    /// A pre- and a post-assessment share one pair id; their pseudonyms are made with it.
    public var pairID: UUID?
    public var title: LocalizedText
    public var intro: LocalizedText
    public var form: FormDefinition
    public var audience: SurveyAudience
    public var opensAt: Date
    public var closesAt: Date
    public var timeZone: String
    /// Reminders to those who have not answered go out at most this often (nil: never).
    public var reminderEveryDays: Int?
    public var isSample: Bool

    public init(id: UUID, programID: UUID, kind: SurveyKind, privacy: SurveyPrivacy, pairID: UUID? = nil, title: LocalizedText,
                intro: LocalizedText = .init(), form: FormDefinition, audience: SurveyAudience, opensAt: Date, closesAt: Date,
                timeZone: String, reminderEveryDays: Int? = nil, isSample: Bool = false) {
        self.id = id
        self.programID = programID
        self.kind = kind
        self.privacy = privacy
        self.pairID = pairID
        self.title = title
        self.intro = intro
        self.form = form
        self.audience = audience
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.timeZone = timeZone
        self.reminderEveryDays = reminderEveryDays
        self.isSample = isSample
    }

    public enum Window: Equatable, Sendable {
        case notYetOpen, open, closed
    }

    public func window(at now: Date) -> Window {
        now < opensAt ? .notYetOpen : (now > closesAt ? .closed : .open)
    }
}

/// The day a protected response is kept under: a date, never a time, so that the moment of
/// answering cannot be matched against who answered when.
public enum ResponseDay {
    public static func of(_ date: Date, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
