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

    /// A reminder of an open survey, in the person's language, with a sign-in link that leads to it.
    func surveyReminder(to invitee: SurveyStore.Invitee, survey: Survey, programTitle: String) -> OutgoingMessage? {
        guard let email = invitee.email else { return nil }
        let words = Words(catalogs: catalogs, language: invitee.language)
        let link = baseURL.absoluteString.trimmingSuffix("/") + SiteURL.personSignIn.path + ReturnPath.query(SiteURL.meSurvey(survey.id).path)
        return OutgoingMessage(to: email, subject: words("mail.surveyReminder.subject"),
                               body: words("mail.surveyReminder.body", [
                                   "name": invitee.name, "program": programTitle, "survey": survey.title.text(in: invitee.language),
                                   "date": words.dateTime(survey.closesAt, zone: survey.timeZone), "link": link,
                                   "privacy": words("survey.privacy.\(survey.privacy.rawValue)"),
                               ]))
    }
}
