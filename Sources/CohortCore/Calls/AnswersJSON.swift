import Foundation

/// Answers as they are stored: a JSON object whose values are text or lists of text, keys
/// sorted. Read and written on every applicant request; Foundation's coders spent more time
/// on coding keys, containers and the errors of failed attempts than on the text itself.
public enum AnswersJSON {
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public static func decode(_ text: String) throws -> [String: Answer] {
        var scanner = JSONScanner(Data(text.utf8))
        var answers: [String: Answer] = [:]
        do {
            try scanner.forEachMember { scanner, key in answers[key] = try answer(&scanner) }
            try scanner.expectEnd()
        } catch let failure as JSONScanner.Failure {
            throw Malformed(description: failure.message)
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
            case .number(let number): return .text(number.rounded() == number ? String(Int(number)) : String(number))
            case .bool(let flag): return .text(flag ? "yes" : "no")
            default: throw scanner.failure("An answer is text, a number, true/false or a list of text")
            }
        }
    }

    public static func encode(_ answers: [String: Answer]) -> String {
        var out = "{"
        for (index, key) in answers.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            appendString(key, to: &out)
            out += ":"
            switch answers[key]! {
            case .text(let text):
                appendString(text, to: &out)
            case .list(let items):
                out += "["
                for (position, item) in items.enumerated() {
                    if position > 0 { out += "," }
                    appendString(item, to: &out)
                }
                out += "]"
            }
        }
        return out + "}"
    }

    private static func appendString(_ text: String, to out: inout String) {
        out += "\""
        var plainStart = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            let escaped: String? = switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where scalar.value < 0x20: "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: nil
            }
            guard let escaped else { continue }
            out.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart..<index])
            out += escaped
            plainStart = text.unicodeScalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart...])
        out += "\""
    }
}
