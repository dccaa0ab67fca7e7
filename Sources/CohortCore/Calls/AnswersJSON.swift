import Foundation

/// Answers as they are stored: a JSON object whose values are text or lists of text, keys
/// sorted. Read and written on every applicant request; Foundation's coders spent more time
/// on coding keys, containers and the errors of failed attempts than on the text itself.
public enum AnswersJSON {
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public static func decode(_ text: String) throws -> [String: Answer] {
        try reading(Array(text.utf8)) { scanner in try answers(&scanner, fromOutside: false) }
    }

    /// The member `name` of a request body such as `{"answers": {...}}`, nil when it is absent;
    /// other members are read and left aside, as a `Decodable` struct would.
    public static func decodeMember(_ name: String, in bytes: [UInt8]) throws -> [String: Answer]? {
        try reading(bytes) { scanner in
            var found: [String: Answer]?
            try scanner.forEachMember { scanner, key in
                if key == name { found = try answers(&scanner, fromOutside: true) } else { _ = try scanner.value() }
            }
            return found
        }
    }

    private static func reading<T>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws -> T) throws -> T {
        var scanner = JSONScanner(bytes: bytes)
        do {
            let result = try body(&scanner)
            try scanner.expectEnd()
            return result
        } catch let failure as JSONScanner.Failure {
            throw Malformed(description: failure.message.replacingOccurrences(of: "The file is", with: "The text is"))
        }
    }

    /// Answers from outside (a request body) may not hold characters no field takes; stored
    /// answers are read as they were written.
    private static func answers(_ scanner: inout JSONScanner, fromOutside: Bool) throws -> [String: Answer] {
        var answers: [String: Answer] = [:]
        try scanner.forEachMember { scanner, key in
            let answer = try answer(&scanner)
            guard !fromOutside || !InputText.hasForbiddenCharacter(key) && !answer.hasForbiddenCharacter else {
                throw scanner.failure("An answer contains a control character that cannot be stored")
            }
            answers[key] = answer
        }
        return answers
    }

    /// One answer, read as `Answer`'s `Decodable` reads it: numbers and true/false become text.
    private static func answer(_ scanner: inout JSONScanner) throws -> Answer {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            return .text(try scanner.string())
        case UInt8(ascii: "["):
            var items: [String] = []
            try scanner.forEachElement { scanner, _ in items.append(try scanner.string()) }
            return .list(items)
        default:
            switch try scanner.value() {
            case .number(let number): return .text(NumberText.plain(number))
            case .bool(let flag): return .text(flag ? "yes" : "no")
            default: throw scanner.failure("An answer is text, a number, true/false or a list of text")
            }
        }
    }

    public static func encode(_ answers: [String: Answer]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(256)
        for (index, key) in answers.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch answers[key]! {
            case .text(let text):
                appendString(text, to: &out)
            case .list(let items):
                out.append(UInt8(ascii: "["))
                for (position, item) in items.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    appendString(item, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: UTF-8 copied as it is, quotes, backslashes and control characters escaped.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case ..<0x20: out.append(contentsOf: Array("\\u00".utf8)); out.append(hexDigits[Int(byte >> 4)]); out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
