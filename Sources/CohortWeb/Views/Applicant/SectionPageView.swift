import CohortCore
import Foundation

struct SectionPageView: Sendable {
    let t: [String: String]
    /// The autosave script; none in a staff preview, where nothing is saved.
    let script: String?
    let callTitle: String
    let step: String
    let heading: String
    let intro: String?
    let form: FormView
    /// A staff preview's banner and its links to other languages and sections.
    var preview: PreviewBar? = nil
}
