import CohortCore

/// Failures inside the store that are not the user's doing.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// A stored value that cannot be read back: never replaced by a default, since a default
    /// (an unreadable status read as an editable draft) would act on something nobody wrote.
    case corrupt(table: String, column: String)
    /// Something the database must hold is not there (a call without its current form).
    case missing(String)
    /// A database driver without SQL: Cohort registers only SQLite and PostgreSQL, which have it.
    case unsupportedDatabase

    public var description: String {
        switch self {
        case .corrupt(let table, let column): "a stored value in \(table).\(column) could not be read"
        case .missing(let what): "the database has no \(what)"
        case .unsupportedDatabase: "the database driver does not speak SQL"
        }
    }
}

/// A value of a stored enumeration, or `StoreError.corrupt` naming where it was read.
func stored<T: RawRepresentable>(_ raw: T.RawValue, as type: T.Type = T.self, table: String, column: String) throws -> T {
    guard let value = T(rawValue: raw) else { throw StoreError.corrupt(table: table, column: column) }
    return value
}

/// Reading values kept as text that Cohort's types check: one that does not read is a loud error.
enum StoredValue {
    static func country(_ code: String, table: String, column: String) throws -> Country {
        guard let country = Country(code: code) else { throw StoreError.corrupt(table: table, column: column) }
        return country
    }

    /// NULL is no country; anything else must be one.
    static func country(_ code: String?, table: String, column: String) throws -> Country? {
        try code.map { try country($0, table: table, column: column) }
    }

    static func date(_ iso: String, table: String, column: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { throw StoreError.corrupt(table: table, column: column) }
        return date
    }
}
