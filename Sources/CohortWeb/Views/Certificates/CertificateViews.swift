import CohortCore
import CohortStore
import Foundation

/// A certificate as printed (A4 landscape): the person as they chose to be named, the program
/// and module, its dates and venue, the hours attended, the organisations, and how to verify it.
struct CertificatePrintView: Sendable {
    let name: String
    let programTitle: String
    let moduleText: String
    let period: String
    let venue: String
    let hoursText: String
    let organisations: String
    let code: String
    let verifyURL: String
    let isRevoked: Bool
    let isSample: Bool
    let backHref: String
    let backLabel: String

    init(_ certificate: CertificateStore.Certificate, detail: ProgramDetail, module: ProgramModule, baseURL: URL,
         back: (href: String, label: String)) {
        name = certificate.name
        programTitle = detail.program.title
        moduleText = "Module \(module.number): \(module.title)"
        period = module.periodText
        venue = module.venueText
        hoursText = "\(ModuleAttendanceView.hours(certificate.hoursAttended)) hours, \(certificate.sessionsAttended) of \(certificate.sessionsHeld) sessions attended"
        organisations = detail.partnerships.map(\.organisation.displayName).joined(separator: " · ")
        let printed = Self.printed(certificate.code)
        code = printed
        verifyURL = baseURL.absoluteString.trimmingSuffix("/") + SiteURL.verify(code: printed).path
        isRevoked = certificate.isRevoked
        isSample = detail.program.isSample
        backHref = back.href
        backLabel = back.label
    }

    /// The code in groups of four, as printed and typed.
    static func printed(_ code: String) -> String {
        VerificationCode(typed: code)?.description ?? code
    }
}

/// What anyone holding a certificate's code may learn of it: the name, the program, the dates
/// and whether it is valid.
struct VerificationView: Sendable {
    let found: Bool
    let code: String
    let name: String
    let programTitle: String
    let moduleText: String
    let period: String
    let isValid: Bool
    let statusText: String
    let jsonHref: String
}

/// A module's certificates for its managers: who meets the rule, who holds one, and the forms
/// to issue (all at once, or one with a note for someone below the rule) and to revoke.
struct ModuleCertificatesView: Sendable {
    struct Row: Sendable {
        let name: String
        let attendance: String
        let meetsRule: Bool
        let certificate: String?
        let printHref: String?
        let personID: String
        let revokeAction: String?
        let noteID: String
        let reasonID: String
    }

    let programTitle: String
    let tabs: [Tab]
    let heading: String
    let ruleText: String
    let summary: String
    let action: String
    let csrf: String
    let rows: [Row]
    let hasRows: Bool
    let canIssueAll: Bool
    let attendanceHref: String
    let error: String?
}
