import Crypto
import Foundation

/// Passwords of 12 to 1,024 characters in any script. Length counts Unicode code points
/// after NFC normalisation: in Devanagari or Khmer one visible cluster is often several
/// typed characters (न + ् + त), and each of them adds to what an attacker must guess.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 1024

    public static func problems(_ password: String, field: String = "password") -> [FieldError] {
        let count = password.precomposedStringWithCanonicalMapping.unicodeScalars.count
        if count < minimumLength {
            return [FieldError(field, "Use at least \(minimumLength) characters. A few unusual words together make a good password.")]
        }
        if count > maximumLength {
            return [FieldError(field, "Use at most \(maximumLength) characters.")]
        }
        return []
    }

    /// What is given to bcrypt: the SHA-256 of the NFC-normalised password, base64-encoded.
    /// 44 ASCII bytes, so bcrypt's 72-byte limit can never cut a long password short,
    /// and two passwords that differ after byte 72 never hash alike.
    public static func prehash(_ password: String) -> String {
        let bytes = Data(password.precomposedStringWithCanonicalMapping.utf8)
        return Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
