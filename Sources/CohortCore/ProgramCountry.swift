import Foundation

/// A country's part in a program's migration story.
public enum CountryRole: String, CaseIterable, Codable, Sendable {
    case destination, origin, transit, other

    public var label: String {
        switch self {
        case .destination: "Destination"
        case .origin: "Origin"
        case .transit: "Transit"
        case .other: "Other"
        }
    }

    public var groupHeading: String {
        switch self {
        case .destination: "Countries of destination"
        case .origin: "Countries of origin"
        case .transit: "Countries of transit"
        case .other: "Other countries"
        }
    }
}

/// A country involved in a program, possibly under the program's own name for it
/// (the 2006 program says "Burma", not "Myanmar").
public struct ProgramCountry: Hashable, Sendable {
    public var programID: UUID
    public var country: Country
    public var role: CountryRole
    public var displayName: String?

    public init(programID: UUID, country: Country, role: CountryRole, displayName: String? = nil) {
        self.programID = programID
        self.country = country
        self.role = role
        self.displayName = displayName
    }

    public var name: String {
        if let displayName, !displayName.isEmpty { return displayName }
        return country.englishName
    }

    /// Countries grouped by role in the order destination, origin, transit, other; names sorted within a group.
    public static func grouped(_ countries: [ProgramCountry]) -> [(role: CountryRole, countries: [ProgramCountry])] {
        CountryRole.allCases.compactMap { role in
            let members = countries.filter { $0.role == role }.sorted { $0.name < $1.name }
            return members.isEmpty ? nil : (role, members)
        }
    }
}

public struct ProgramCountryForm: Sendable, Codable, Equatable {
    public var country: String
    public var role: String
    public var displayName: String

    public init(country: String = "", role: String = CountryRole.origin.rawValue, displayName: String = "") {
        self.country = country
        self.role = role
        self.displayName = displayName
    }

    public func validated(programID: UUID, existing: Set<Country>) throws -> ProgramCountry {
        var errors = FieldErrorList()
        let country = Country(code: self.country)
        if country == nil {
            errors.add("country", "Choose a country from the list.")
        } else if existing.contains(country!) {
            errors.add("country", "\(country!.englishName) is already part of this program. Remove it first to change its role.")
        }
        let role = CountryRole(rawValue: self.role)
        if role == nil { errors.add("role", "Choose the country's role.") }
        let displayName = TextRules.clean(self.displayName)
        TextRules.limit(displayName, field: "displayName", label: "the display name", max: 100, into: &errors)
        try errors.check()
        return ProgramCountry(programID: programID, country: country!, role: role!,
                              displayName: displayName.isEmpty ? nil : displayName)
    }
}
