/// What an account may do across the whole platform.
public enum PlatformRole: String, CaseIterable, Codable, Sendable {
    /// Manages organisations, accounts and every program.
    case admin
    /// Sees only the programs it holds a program role in.
    case member

    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .member: "Member"
        }
    }
}

/// What an account may do within one program.
public enum ProgramRole: String, CaseIterable, Codable, Sendable {
    case manager, reviewer, facilitator, participant

    public var label: String {
        switch self {
        case .manager: "Manager"
        case .reviewer: "Reviewer"
        case .facilitator: "Facilitator"
        case .participant: "Participant"
        }
    }
}

/// A person's part in a program's delivery (glossary: enrolment).
public enum EnrolmentRole: String, CaseIterable, Codable, Sendable {
    case participant
    case resourcePerson = "resource_person"
    case facilitator
    case observer

    public var label: String {
        switch self {
        case .participant: "Participant"
        case .resourcePerson: "Resource person"
        case .facilitator: "Facilitator"
        case .observer: "Observer"
        }
    }
}
