import CohortCore
import CohortStore
import Foundation

/// The sign-in link a participant, facilitator or resource person receives, in their language.
struct PersonMessages: Sendable {
    let catalogs: Catalogs
    let baseURL: URL

    /// `next` is the page the person asked for before signing in, if any.
    func signInLink(to contact: PersonAccessStore.Contact, token: String, minutes: Int, next: String? = nil) -> OutgoingMessage {
        let words = Words(catalogs: catalogs, language: contact.language)
        let link = baseURL.absoluteString.trimmingSuffix("/") + SiteURL.personLink(token: token).path + ReturnPath.query(next)
        return OutgoingMessage(to: contact.email, subject: words("mail.signIn.subject"),
                               body: words("mail.signIn.body", ["name": contact.name, "minutes": "\(minutes)", "link": link]))
    }
}
