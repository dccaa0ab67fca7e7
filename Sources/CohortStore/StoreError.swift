/// Failures inside the store that are not the user's doing.
public enum StoreError: Error, CustomStringConvertible {
    case corrupt(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "stored data for \(what) could not be read"
        }
    }
}
