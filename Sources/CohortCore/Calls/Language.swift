/// The languages applicant-facing pages are offered in, each named in itself.
public enum Language: String, CaseIterable, Codable, Sendable, Comparable {
    case english = "en"
    case malay = "ms"
    case indonesian = "id"
    case nepali = "ne"
    case bengali = "bn"
    case filipino = "fil"
    case khmer = "km"

    /// The name a speaker of the language would look for in a switcher.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .malay: "Bahasa Melayu"
        case .indonesian: "Bahasa Indonesia"
        case .nepali: "नेपाली"
        case .bengali: "বাংলা"
        case .filipino: "Filipino"
        case .khmer: "ខ្មែរ"
        }
    }

    public var englishName: String {
        switch self {
        case .english: "English"
        case .malay: "Malay"
        case .indonesian: "Indonesian"
        case .nepali: "Nepali"
        case .bengali: "Bengali"
        case .filipino: "Filipino"
        case .khmer: "Khmer"
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Picks the best offered language for an `Accept-Language` header ("ms-MY,ms;q=0.9,en;q=0.5").
    public static func preferred(acceptLanguage header: String?, offered: [Language]) -> Language? {
        guard let header, !offered.isEmpty else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), quality)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranked {
            let primary = String(tag.split(separator: "-").first ?? "")
            // Tagalog is the base of Filipino; browsers send either.
            let code = primary == "tl" ? "fil" : primary
            if let language = Language(rawValue: code), offered.contains(language) { return language }
        }
        return nil
    }
}

/// Text in several languages, read with a fallback to English and then to any language
/// present, so a person never sees an empty label.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var values: [Language: String]

    public init(_ values: [Language: String] = [:]) {
        self.values = values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    public init(english: String) { self.init([.english: english]) }

    public func text(in language: Language) -> String {
        values[language] ?? values[.english] ?? Language.allCases.lazy.compactMap { values[$0] }.first ?? ""
    }

    public var isEmpty: Bool { values.isEmpty }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: String].self)
        var values: [Language: String] = [:]
        for (key, value) in raw {
            guard let language = Language(rawValue: key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown language \(key)"))
            }
            values[language] = value
        }
        self.init(values)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }
}
