import CohortCore
import Foundation

/// The messages an applicant receives, in their language. Subjects are deliberately plain.
struct ApplicantMessages: Sendable {
    let catalogs: Catalogs
    let baseURL: URL

    func resumeLink(token: String) -> String {
        baseURL.absoluteString.trimmingSuffix("/") + SiteURL.resume(token: token).path
    }

    func link(to application: CallApplication, token: String) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: application.language)
        return OutgoingMessage(to: application.email, subject: words("mail.link.subject"),
                               body: words("mail.link.body", ["link": resumeLink(token: token)]))
    }

    func receipt(for application: CallApplication, token: String) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: application.language)
        return OutgoingMessage(to: application.email, subject: words("mail.receipt.subject"),
                               body: words("mail.receipt.body", ["reference": application.reference ?? "",
                                                                 "link": resumeLink(token: token)]))
    }

    /// The decision after selection, with a new private link; an offered place says by when to answer.
    func decision(_ application: CallApplication, _ decision: SelectionDecision, token: String, timeZone: String) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: application.language)
        let date = decision.respondBy.map { words.dateTime($0, zone: timeZone) } ?? ""
        return OutgoingMessage(to: application.email, subject: words("mail.decision.subject"),
                               body: words("mail.decision.\(decision.outcome.rawValue)", ["reference": decision.reference, "date": date,
                                                                                          "link": resumeLink(token: token)]))
    }

    func withdrawn(_ application: CallApplication) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: application.language)
        return OutgoingMessage(to: application.email, subject: words("mail.withdrawn.subject"),
                               body: words("mail.withdrawn.body", ["reference": application.reference ?? ""]))
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
