import Foundation

/// Participants checking themselves in: the session shows a short code in the room, and
/// each enters it on their own page while the session runs.
public enum CheckIn {
    /// Six characters of Crockford's base 32 (about 30 bits): enough that a code is not
    /// guessed in the few tries a participant gets, short enough to read off a screen.
    public static let codeLength = 6

    public static func makeCode(using randomness: Randomness) -> String {
        String((0..<codeLength).map { _ in VerificationCode.alphabet[randomness.below(VerificationCode.alphabet.count)] })
    }

    /// A code as typed: case, spaces and dashes do not matter, O reads as 0 and I or L as 1.
    /// Nil when it cannot be a code.
    public static func code(typed text: String) -> String? {
        VerificationCode.normalised(text, length: codeLength)
    }

    /// From a quarter of an hour before the session until it ends: people check in as they arrive.
    public static let opensBefore: TimeInterval = 15 * 60

    public static func isOpen(_ session: AgendaSession, at now: Date) -> Bool {
        !session.isCancelled && now >= session.start.addingTimeInterval(-opensBefore) && now <= session.end
    }

    /// Wrong codes a person may enter in an hour.
    public static let triesPerHour = 10
}
