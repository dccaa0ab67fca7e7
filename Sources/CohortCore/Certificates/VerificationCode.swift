import Foundation

/// The code printed on a certificate, by which anyone can check it at `/verify/{code}`:
/// 100 random bits in Crockford's base 32 (no I, L, O or U, so nothing is misread), in five
/// groups of four ("7KQ2-M9XD-0B4T-HR6E-W3PZ").
public struct VerificationCode: Hashable, Sendable, CustomStringConvertible {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 20

    /// The twenty characters without the dashes.
    public let value: String

    public static func make(using randomness: Randomness) -> VerificationCode {
        VerificationCode(value: String((0..<length).map { _ in alphabet[randomness.below(alphabet.count)] }))
    }

    private init(value: String) { self.value = value }

    /// What a person typed: case, spaces and dashes do not matter, and the letters read as
    /// digits (O for 0, I and L for 1) are taken as those digits. Nil when it cannot be a code.
    public init?(typed text: String) {
        guard let value = Self.normalised(text, length: Self.length) else { return nil }
        self.value = value
    }

    /// `text` in Crockford's base 32 as a person may type it (any case, spaces and dashes,
    /// O for 0, I and L for 1), as `length` characters of the alphabet; nil otherwise.
    static func normalised(_ text: String, length: Int) -> String? {
        guard text.utf8.count <= 64 else { return nil }
        var characters: [Character] = []
        for character in text.uppercased() where character != "-" && character != " " {
            let read: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            guard alphabet.contains(read) else { return nil }
            characters.append(read)
        }
        return characters.count == length ? String(characters) : nil
    }

    /// As printed, in groups of four.
    public var description: String {
        stride(from: 0, to: value.count, by: 4).map { start in
            let from = value.index(value.startIndex, offsetBy: start)
            return String(value[from..<value.index(from, offsetBy: 4)])
        }.joined(separator: "-")
    }
}
