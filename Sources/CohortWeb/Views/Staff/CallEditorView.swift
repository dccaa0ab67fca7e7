import CohortCore
import Foundation

struct CallEditorView: Sendable {
    let heading: String
    let intro: String?
    let formHref: String?
    let applicationsHref: String?
    let publicHref: String?
    let form: FormView
}
