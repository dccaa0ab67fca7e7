import CohortCore

struct StaffHomeView: Sendable {
    struct ProgramItem: Sendable {
        let title: String
        let href: String
        let period: String
        let status: String
        let roles: String
    }

    let name: String
    let programs: [ProgramItem]
    let isAdmin: Bool
    let hasPrograms: Bool
    /// The person reviews for at least one program.
    let isReviewer: Bool
}
