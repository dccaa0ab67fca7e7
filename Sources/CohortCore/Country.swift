/// A country by its ISO 3166-1 alpha-2 code ("MY", "NP").
public struct Country: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let code: String

    /// Accepts a known code in any letter case; nil for anything else.
    public init?(code: String) {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Country.englishNames[upper] != nil else { return nil }
        self.code = upper
    }

    public var englishName: String { Country.englishNames[code] ?? code }
    public var description: String { code }

    public static func < (lhs: Country, rhs: Country) -> Bool {
        lhs.englishName < rhs.englishName
    }

    /// Every known country, sorted by English name, for pickers.
    public static let all: [Country] = englishNames.keys.compactMap(Country.init(code:)).sorted()

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let country = Country(code: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown country code \(raw)"))
        }
        self = country
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
