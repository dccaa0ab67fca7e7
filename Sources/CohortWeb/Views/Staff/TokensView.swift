import CohortCore
import Foundation

struct TokensView: Sendable {
    struct Row: Sendable {
        let name: String
        let created: String
        let lastUsed: String
        let revoke: DangerAction
    }

    let newToken: String?
    let rows: [Row]
    let isEmpty: Bool
    let form: FormView
}
