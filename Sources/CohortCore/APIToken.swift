import Foundation

/// A staff member's personal token for the JSON API. Only its hash is stored; the token
/// itself is shown once, when it is made.
public struct APIToken: Hashable, Sendable {
    public let id: UUID
    public let accountID: UUID
    public let name: String
    public let createdAt: Date
    public let lastUsedAt: Date?

    public init(id: UUID, accountID: UUID, name: String, createdAt: Date, lastUsedAt: Date?) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    /// Staff tokens start with this, so they are told apart from applicants' links at a
    /// glance and secret scanners can find one pasted where it should not be.
    public static let prefix = "cohort_pat_"

    /// A token's name says where it is used ("Reporting spreadsheet").
    public static func nameProblem(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "Name the token after where it will be used, such as “Reporting spreadsheet”." }
        if trimmed.count > 80 { return "Use at most 80 characters." }
        return nil
    }
}
