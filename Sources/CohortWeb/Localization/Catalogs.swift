import CohortCore
import Foundation

/// Applicant-facing words in every language, read once at start-up. A key missing in a
/// language falls back to English for that key alone; the test suite fails when a
/// catalog lacks a key that English has, except the staff texts (`staff.`), which are
/// English until they are translated.
struct Catalogs: Sendable {
    let entries: [Language: [String: String]]

    static func load() throws -> Catalogs {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Catalogs") else {
            throw CocoaError(.fileNoSuchFile)
        }
        var entries: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(language.rawValue).json"))
            entries[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogs(entries: entries)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        let text = entries[language]?[key] ?? entries[.english]?[key] ?? ""
        guard !arguments.isEmpty else { return text }
        // One pass: a value that itself contains "{name}" is never substituted again.
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Applicant-facing keys English has that `language` lacks.
    func missingKeys(in language: Language) -> Set<String> {
        Set(entries[.english]?.keys ?? [:].keys).subtracting(entries[language]?.keys ?? [:].keys).filter { !$0.hasPrefix("staff.") && !$0.hasPrefix("request.") }
    }
}

/// Bound to one language, for building a page.
struct Words: Sendable {
    let catalogs: Catalogs
    let language: Language

    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalogs.text(key, language, arguments)
    }

    /// An answer problem in words the applicant reads.
    func problem(_ problem: AnswerProblem) -> String {
        switch problem {
        case .required: self("problem.required")
        case .tooLong(let max): self("problem.tooLong", ["max": "\(max)"])
        case .tooManyWords(let limit, let count): self("problem.tooManyWords", ["limit": "\(limit)", "count": "\(count)"])
        case .notANumber: self("problem.notANumber")
        case .outOfRange(let min, let max):
            self("problem.outOfRange", ["min": min.map { Self.number($0) } ?? "0", "max": max.map { Self.number($0) } ?? "∞"])
        case .notADate: self("problem.notADate")
        case .notAnEmail: self("problem.notAnEmail")
        case .unknownOption: self("problem.unknownOption")
        case .unknownCountry: self("problem.unknownCountry")
        case .notYesOrNo: self("problem.notYesOrNo")
        case .notAFile: self("problem.notAFile")
        }
    }

    /// Why an upload was refused, in words the applicant reads.
    func fileProblem(_ problem: FileProblem) -> String {
        switch problem {
        case .empty, .notAFileQuestion: self("file.empty")
        case .tooLarge(let max): self("file.tooLarge", ["max": Self.size(max)])
        case .kindNotAccepted(let kinds): self("file.kind", ["kinds": kinds.map(\.label).joined(separator: ", ")])
        }
    }

    /// What a file question accepts: "Accepted: PDF, Word (.docx). At most 5 MB."
    func fileHint(_ question: Question) -> String {
        self("file.accepted", ["kinds": FileCheck.acceptedKinds(for: question).map(\.label).joined(separator: ", "),
                               "max": Self.size(FileCheck.maxBytes(for: question))])
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(Self.number((Double(bytes) / 1_048_576 * 10).rounded() / 10)) MB" : "\(max(1, bytes / 1024)) KB"
    }

    static func number(_ value: Double) -> String {
        NumberText.plain(value)
    }

    /// "15 March 2027, 23:59 Malaysia Time", in this language and the call's zone. Making the
    /// formatter (locale, zone, pattern from the template) cost about a millisecond on Linux,
    /// and the same few deadlines are shown on every request: each text is made once and kept.
    func dateTime(_ date: Date, zone: String) -> String {
        let key = DateTimeKey(date: date, zone: zone, language: language)
        if let text = Self.dateTimes.value(key) { return text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")
        formatter.setLocalizedDateFormatFromTemplate("d MMMM y HH:mm zzzz")
        let text = formatter.string(from: date)
        Self.dateTimes.keep(text, for: key)
        return text
    }

    private struct DateTimeKey: Hashable, Sendable {
        let date: Date
        let zone: String
        let language: Language
    }

    private static let dateTimes = BoundedCache<DateTimeKey, String>(capacity: 2_000)
}
