import Foundation

/// What changed in a module's agenda between two published versions, as participants are told:
/// sessions added, moved (another time or room), cancelled, restored, or changed otherwise.
public enum AgendaChange: Hashable, Sendable {
    case added(AgendaSession)
    case moved(from: AgendaSession, to: AgendaSession)
    case cancelled(AgendaSession)
    case restored(AgendaSession)
    /// Title, description, kind, speakers, topics or who may see it.
    case changed(from: AgendaSession, to: AgendaSession)
    /// Gone from the agenda without being cancelled first (only a session never published can be deleted).
    case removed(AgendaSession)

    public var session: AgendaSession {
        switch self {
        case .added(let session), .cancelled(let session), .restored(let session), .removed(let session): session
        case .moved(_, let to), .changed(_, let to): to
        }
    }
}

public enum AgendaChanges {
    /// The changes from `old` to `new` in the order of the sessions' times (removed ones by their old times).
    public static func between(_ old: [AgendaSession], _ new: [AgendaSession]) -> [AgendaChange] {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        let after = Set(new.map(\.id))
        var changes: [AgendaChange] = []
        for session in new {
            guard let previous = before[session.id] else {
                changes.append(.added(session))
                continue
            }
            if session.isCancelled != previous.isCancelled {
                changes.append(session.isCancelled ? .cancelled(session) : .restored(session))
            } else if session.start != previous.start || session.end != previous.end
                        || AgendaClashes.normalisedRoom(session.room) != AgendaClashes.normalisedRoom(previous.room) {
                changes.append(.moved(from: previous, to: session))
            } else if comparable(session) != comparable(previous) {
                changes.append(.changed(from: previous, to: session))
            }
        }
        changes += old.filter { !after.contains($0.id) }.map(AgendaChange.removed)
        return changes.sorted { ($0.session.start, $0.session.id.uuidString) < ($1.session.start, $1.session.id.uuidString) }
    }

    /// A room written another way ("Hall A", "hall a ") is the same room, and no news.
    private static func comparable(_ session: AgendaSession) -> AgendaSession {
        var session = session
        session.room = AgendaClashes.normalisedRoom(session.room)
        return session
    }
}
