/// Failures the domain names; the web layer maps each to one HTTP status in one place.
public enum DomainError: Error, Equatable, Sendable {
    case notFound(String)
    case forbidden
    case conflict(String)
    case refused(String)
}
