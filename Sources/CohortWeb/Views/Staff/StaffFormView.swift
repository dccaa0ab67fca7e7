import CohortCore

/// A page that is one form: new and edit pages.
struct StaffFormView: Sendable {
    let heading: String
    let intro: String?
    let form: FormView
    /// A destructive action under the form, behind a `<details>` confirmation.
    let danger: DangerAction?
    /// Shown once after an account is created or a password reset.
    let oneTimePassword: String?
    let tabs: [Tab]

    init(heading: String, intro: String? = nil, form: FormView, danger: DangerAction? = nil, oneTimePassword: String? = nil,
         tabs: [Tab] = []) {
        self.heading = heading
        self.intro = intro
        self.form = form
        self.danger = danger
        self.oneTimePassword = oneTimePassword
        self.tabs = tabs
    }
}
