import Foundation

/// A small JSON reader over UTF-8 bytes for files with hundreds of thousands of records:
/// Foundation's `JSONDecoder` spends most of its time on coding keys and containers, and
/// made reading a 200,000-applicant instance take several seconds. This reads values in
/// place and lets the caller walk objects and arrays without building a tree.
struct JSONScanner {
    enum Value: Equatable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])
    }

    struct Failure: Error {
        let message: String
    }

    /// Objects and arrays nested deeper than this are refused: reading them recurses, and
    /// a few kilobytes of brackets would otherwise exhaust the stack.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private(set) var position = 0
    private var depth = 0

    init(_ data: Data) {
        self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) {
        var bytes = bytes
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    var line: Int { bytes[..<Swift.min(position, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    func failure(_ what: String) -> Failure { Failure(message: "\(what) (line \(line)).") }

    mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard peek() == byte else { throw failure("The file is not valid JSON: expected \(what)") }
        position += 1
    }

    mutating func expectEnd() throws {
        guard peek() == nil else { throw failure("The file is not valid JSON: unexpected text after the end") }
    }

    /// Calls `body` with each key of an object, positioned at its value; `body` must read the value.
    mutating func forEachMember(_ body: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object")
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "}") { position += 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure("The file is not valid JSON: expected a key in quotes") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a key")
            try body(&self, key)
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw failure("The file is not valid JSON: expected ',' or '}' in an object")
            }
        }
    }

    /// Calls `body` for each element of an array, positioned at it; `body` must read the element.
    mutating func forEachElement(_ body: (inout JSONScanner, Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "an array")
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "]") { position += 1; return }
        var index = 0
        while true {
            try body(&self, index)
            index += 1
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return
            default: throw failure("The file is not valid JSON: expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws {
        guard depth < Self.maxDepth else { throw failure("The file is not valid here: objects and lists are nested more than \(Self.maxDepth) deep") }
        depth += 1
    }

    mutating func value() throws -> Value {
        switch peek() {
        case UInt8(ascii: "{"):
            var object: [String: Value] = [:]
            try forEachMember { scanner, key in object[key] = try scanner.value() }
            return .object(object)
        case UInt8(ascii: "["):
            var array: [Value] = []
            try forEachElement { scanner, _ in array.append(try scanner.value()) }
            return .array(array)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case nil: throw failure("The file is not valid JSON: it ends too early")
        default: return .number(try number())
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func takeNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try word("null")
        return true
    }

    private mutating func word(_ text: String) throws {
        let utf8 = Array(text.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw failure("The file is not valid JSON: unexpected text")
        }
        position += utf8.count
    }

    mutating func number() throws -> Double {
        skipSpace()
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard position > start, let value = bytes[start..<position].withUnsafeBufferPointer({ Double(String(decoding: $0, as: UTF8.self)) }),
              value.isFinite else {
            throw failure("The file is not valid JSON: expected a value")
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        // The common case has no escapes: one copy straight from the bytes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return bytes[start..<position].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("The file is not valid JSON: a control character inside a string") }
            position += 1
        }
        var scalars = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                default: throw failure("The file is not valid JSON: an unknown escape in a string")
                }
            default:
                scalars.append(byte)
            }
        }
        throw failure("The file is not valid JSON: a string is not closed")
    }

    /// A `\\u` escape, with its low half when it is the high half of a surrogate pair. A half
    /// without its other half is not a character: it is refused, never computed with.
    private mutating func unicodeEscape() throws -> [UInt8] {
        let code = try hex4()
        let scalar: Unicode.Scalar?
        switch code {
        case 0xD800..<0xDC00:
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("The file is not valid JSON: half of a surrogate pair in a \\u escape")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("The file is not valid JSON: half of a surrogate pair in a \\u escape") }
            scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            throw failure("The file is not valid JSON: half of a surrogate pair in a \\u escape")
        default:
            scalar = Unicode.Scalar(code)
        }
        guard let scalar else { throw failure("The file is not valid JSON: a bad \\u escape") }
        return Array(String(Character(scalar)).utf8)
    }

    /// Four hexadecimal digits, and nothing else (`UInt32(_:radix:)` would also take a sign).
    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("The file is not valid JSON: a bad \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw failure("The file is not valid JSON: a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }
}
