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
