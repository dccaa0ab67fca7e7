import CohortCore

/// A hidden field a small form carries (a confirmation page, a move button).
struct HiddenField: Sendable {
    let name: String
    let value: String
}
