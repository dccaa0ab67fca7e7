import CohortCore

/// The pages of a participant's way in: the form that sends a sign-in link, "check your
/// email", the button that spends a link, and "this link no longer works".
struct PersonSignInView: Sendable {
    let heading: String
    let paragraphs: [String]
    let notice: String?
    let form: FormView?
    let newLinkHref: String?
    let newLinkLabel: String?
}
