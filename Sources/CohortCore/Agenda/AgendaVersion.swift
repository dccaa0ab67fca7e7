import Foundation

/// A session with what calendar programs need besides it: how often it has changed and when last.
public struct AgendaEntry: Hashable, Codable, Sendable {
    public var session: AgendaSession
    /// Goes up with every change (iCalendar's SEQUENCE).
    public var sequence: Int
    public var updatedAt: Date

    public init(session: AgendaSession, sequence: Int, updatedAt: Date) {
        self.session = session
        self.sequence = sequence
        self.updatedAt = updatedAt
    }
}

/// A published agenda of a module: what participants, the public page and the calendar feeds
/// show until the next publication. The sessions being edited are a draft until then.
public struct AgendaVersion: Hashable, Sendable {
    public var moduleID: UUID
    /// 1 for the first publication, then one more each time.
    public var number: Int
    /// What the manager said changed, shown with the version and sent with the message.
    public var note: String
    public var publishedAt: Date
    public var entries: [AgendaEntry]

    public init(moduleID: UUID, number: Int, note: String, publishedAt: Date, entries: [AgendaEntry]) {
        self.moduleID = moduleID
        self.number = number
        self.note = note
        self.publishedAt = publishedAt
        self.entries = entries
    }

    /// What is wrong with a change note, for the field `note`.
    public static func noteProblems(_ note: String) -> [FieldError] {
        var errors = FieldErrorList()
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { errors.add("note", "Say in a few words what changed, for the participants.") }
        if trimmed.count > 1_000 { errors.add("note", "Keep the change note under 1,000 characters.") }
        return errors.errors
    }

    /// The changes participants are told of: those to sessions they may see, before or after.
    public static func changesForParticipants(from previous: [AgendaEntry], to next: [AgendaEntry]) -> [AgendaChange] {
        func seen(_ entries: [AgendaEntry]) -> [AgendaSession] { entries.map(\.session).filter { $0.visibility != .staff } }
        return AgendaChanges.between(seen(previous), seen(next))
    }
}
