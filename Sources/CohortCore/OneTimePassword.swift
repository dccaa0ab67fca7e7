/// Readable random passwords for new accounts and resets: 20 characters from an alphabet
/// without look-alikes (about 99 bits), in groups of five.
public enum OneTimePassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public static func make(using randomness: Randomness) -> String {
        let characters = (0..<20).map { _ in alphabet[randomness.below(alphabet.count)] }
        return stride(from: 0, to: 20, by: 5).map { String(characters[$0..<$0 + 5]) }.joined(separator: "-")
    }
}
