import CohortCore

/// A destructive POST that asks first: the button sits inside a closed `<details>` block
/// that states the consequence. Never a GET.
struct DangerAction: Sendable {
    let label: String
    let consequence: String
    let action: String
    let csrf: String
}
