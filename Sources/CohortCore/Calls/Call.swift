import Foundation

/// A call for applications to a program.
public struct Call: Hashable, Sendable {
    public var id: UUID
    public var programID: UUID
    public var title: LocalizedText
    public var description: LocalizedText
    public var opensAt: Date
    public var closesAt: Date
    /// The IANA zone the deadline is set and shown in ("Asia/Kuala_Lumpur").
    public var timeZone: String
    /// Submissions are still taken this long after closing (a slow connection, a last click).
    public var graceMinutes: Int
    public var languages: [Language]
    public var targetCohortSize: Int?
    public var privacyNotice: LocalizedText
    public var contactEmail: String
    /// Drafts are not public; a published call opens and closes by the clock.
    public var isPublished: Bool
    /// Whether an applicant may change a submitted application until the deadline.
    public var allowsEditingAfterSubmit: Bool
    /// The start of each reference code ("MWP2017" gives "MWP2017-0042").
    public var referencePrefix: String

    public init(id: UUID, programID: UUID, title: LocalizedText, description: LocalizedText, opensAt: Date, closesAt: Date,
                timeZone: String, graceMinutes: Int = 0, languages: [Language], targetCohortSize: Int? = nil,
                privacyNotice: LocalizedText, contactEmail: String, isPublished: Bool,
                allowsEditingAfterSubmit: Bool = false, referencePrefix: String) {
        self.id = id
        self.programID = programID
        self.title = title
        self.description = description
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.timeZone = timeZone
        self.graceMinutes = graceMinutes
        self.languages = languages
        self.targetCohortSize = targetCohortSize
        self.privacyNotice = privacyNotice
        self.contactEmail = contactEmail
        self.isPublished = isPublished
        self.allowsEditingAfterSubmit = allowsEditingAfterSubmit
        self.referencePrefix = referencePrefix
    }

    /// The moment after which no submission is taken: the deadline plus the grace period.
    public var acceptsUntil: Date { closesAt.addingTimeInterval(TimeInterval(graceMinutes * 60)) }

    /// The next moment after `now` at which the call opens, closes or stops taking
    /// submissions (nil once all have passed): what a page about it says changes then.
    public func nextChange(after now: Date) -> Date? {
        [opensAt, closesAt, acceptsUntil].filter { $0 > now }.min()
    }

    public func status(at now: Date) -> CallStatus {
        guard isPublished else { return .draft }
        if now < opensAt { return .scheduled }
        if now <= closesAt { return .open }
        return .closed
    }

    /// Whether a submission (or a change to a submitted application) made now is taken.
    /// The server's clock decides, never the applicant's.
    public func acceptsSubmission(at now: Date) -> Bool {
        isPublished && now >= opensAt && now <= acceptsUntil
    }

    /// The language to show: the one asked for if offered, else the first offered.
    public func language(for requested: Language?) -> Language {
        if let requested, languages.contains(requested) { return requested }
        return languages.first ?? .english
    }
}

public enum CallStatus: String, Codable, Sendable {
    case draft, scheduled, open, closed
}

/// Reference codes handed to applicants: the call's prefix and a number, "MWP2017-0042".
public enum ReferenceCode {
    public static func make(prefix: String, number: Int) -> String {
        "\(prefix)-\(String(format: "%04d", number))"
    }

    /// Prefixes are short, upper-case letters and digits, so a code reads well over the phone.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        (2...12).contains(prefix.count) && prefix.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
