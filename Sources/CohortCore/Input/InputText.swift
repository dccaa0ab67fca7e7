/// What text from outside may hold. PostgreSQL refuses NUL in text, SQLite cuts text at it
/// when read back, and other control characters have no place in a name, an answer or an
/// address: they are refused with a message instead of being stored.
public enum InputText {
    /// True when `text` holds a character no field takes: C0 controls other than tab, line
    /// feed and carriage return; DEL and the C1 controls; the noncharacters U+FFFE and U+FFFF.
    /// Read over the UTF-8 bytes, since every answer of every save passes through here.
    public static func hasForbiddenCharacter(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true                           // U+0080–U+009F
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true  // U+FFFE, U+FFFF
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Marks that change the direction of text without being seen: an address that holds one
    /// can look like another address.
    public static func hasBidiControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// The message shown when a form or a body holds such a character.
    public static let refusal = "The text contains a control character that cannot be stored. Remove it (it may have come with pasted text) and try again."
}
