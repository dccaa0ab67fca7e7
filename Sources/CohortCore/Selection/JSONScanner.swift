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

    private let bytes: [UInt8]
    private(set) var position = 0

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

    private mutating func unicodeEscape() throws -> [UInt8] {
        func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw failure("The file is not valid JSON: a bad \\u escape")
            }
            position += 4
            return value
        }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            position += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        return Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
    }
}
