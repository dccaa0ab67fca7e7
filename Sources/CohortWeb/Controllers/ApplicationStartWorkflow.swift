import CohortCore
import CohortStore
import Vapor

/// Starting an application, for the call page and the API alike. Whether or not the address
/// has applied, the answer is the same — "we have sent you a link" — and the link goes by
/// email only: showing a new applicant's link on screen would tell anyone who typed an
/// address that it had not applied yet (and showing every link on screen would hand an
/// existing application to whoever typed its email). So an email address is the key to an
/// application, and the call page says so.
struct ApplicationStartWorkflow {
    let request: Request

    enum Outcome {
        case linkSent
        case refused(retryAfterSeconds: Int, reason: StartLimit.Reason)
    }

    /// `email` is normalised and valid, and the call takes applications now.
    func start(_ loaded: CallStore.Loaded, email: String, language: Language) async throws -> Outcome {
        let config = request.config
        let token = SecretToken.make(request.randomness)
        let messages = ApplicantMessages(catalogs: request.application.catalogs, baseURL: config.baseURL)
        // Pseudonyms with their own prefix: the same address's sign-in throttle keys differ.
        let starter = ApplicationStore.Starter(addressKey: SecretToken.pseudonym("start-address:\(email)", key: config.secretKey),
                                               clientKey: SecretToken.pseudonym("start-client:\(request.clientAddress)", key: config.secretKey))
        let outcome = try await ApplicationStore(db: request.persistence).start(
            callID: loaded.call.id, email: email, language: language, formVersion: loaded.form.version,
            tokenHash: SecretToken.hash(token), starter: starter, limit: config.startLimit, now: request.now,
            message: { application, _ in messages.link(to: application, token: token) })
        switch outcome {
        case .created, .existing: return .linkSent
        case .refused(let seconds, let reason): return .refused(retryAfterSeconds: seconds, reason: reason)
        }
    }
}

/// A private link that worked once but has expired or was replaced by a newer one. Pages
/// answer with a page that leads to the call's start form; the API with 401.
struct PrivateLinkExpired: Error, RendersOwnPage {
    let callID: UUID

    static let apiReason = "This private link no longer works: a newer one was sent, or it was not used for too long. "
        + "Ask for a new link by starting again with the same email address."

    func response(for req: Request) async throws -> Response {
        let loaded = try await CallStore(db: req.persistence).load(callID)
        let offered = loaded?.call.languages ?? [.english]
        let language = req.applicantLanguage(offered: offered)
        let words = req.words(language)
        let days = Int((req.config.applicantLinkLifetime / 86_400).rounded())
        let view = LinkView(t: WordTable(words, keys: ["expired.heading", "expired.body", "expired.button"],
                                         arguments: ["expired.body": ["days": "\(days)"]]).table,
                            expired: true, newLinkHref: loaded?.call.isPublished == true ? SiteURL.call(callID).path : nil)
        return req.applicantPage(.link, title: words("expired.heading"), view, language: language, offered: offered, status: .gone)
    }
}

/// An error that knows how to answer a page request itself (the error middleware asks it).
protocol RendersOwnPage: Error {
    func response(for req: Request) async throws -> Response
}
