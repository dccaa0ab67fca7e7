import CohortCore
import CohortStore
import Vapor

/// The application a request works on, found through the private link's cookie, with its
/// call, the form version it was answered against, and the applicant's language.
struct ApplicantContext {
    let request: Request
    let token: String
    let application: CallApplication
    let call: Call
    let rules: EligibilityRules
    let form: FormDefinition
    let words: Words

    static func load(_ req: Request) async throws -> ApplicantContext {
        guard let opened = try await req.openApplication(token: req.cookies[req.cookieJar.applicant]?.string) else {
            throw DomainError.notFound("application")
        }
        let language = req.query[String.self, at: "lang"] != nil
            ? req.applicantLanguage(offered: opened.call.languages) : opened.call.language(for: opened.application.language)
        return ApplicantContext(request: req, token: opened.token, application: opened.application, call: opened.call,
                                rules: opened.rules, form: opened.form, words: req.words(language))
    }

    func sectionIndex(_ req: Request) throws -> Int {
        guard let number = req.parameters.get("index", as: Int.self), (1...form.sections.count).contains(number) else {
            throw DomainError.notFound("section")
        }
        return number - 1
    }

    func page<Content: Sendable>(_ template: Template, title: String, _ content: Content, status: HTTPStatus = .ok,
                                 isError: Bool = false) -> Response {
        request.applicantPage(template, title: title, content, language: words.language, offered: call.languages,
                              status: status, isError: isError)
    }
}

/// An application opened with its private link's token, with its call and the form version
/// it was answered against. Shared by the pages (token from a cookie) and the API (bearer token).
struct OpenedApplication {
    let token: String
    let application: CallApplication
    let call: Call
    let rules: EligibilityRules
    let form: FormDefinition
}

extension Request {
    /// The application a private link's token opens, with its call; nil for a token that
    /// never was one. Throws `PrivateLinkExpired` for a link that no longer works.
    func openLink(token: String?) async throws -> (application: CallApplication, call: CallStore.Loaded)? {
        guard let token, !token.isEmpty, token.count <= 64,
              let link = try await ApplicationStore(db: persistence).open(tokenHash: SecretToken.hash(token), now: now,
                                                                 lifetime: config.applicantLinkLifetime) else { return nil }
        switch link {
        case .open(let opened): return opened
        case .expired(let callID): throw PrivateLinkExpired(callID: callID)
        }
    }

    /// The application named by `:applicationID`, if `token` opens that one; nil for anything else.
    func openApplication(token: String?) async throws -> OpenedApplication? {
        guard let token, let id = parameters.get("applicationID", as: UUID.self),
              let (application, loaded) = try await openLink(token: token),
              application.id == id,
              let form = try await CallStore(db: persistence).form(callID: application.callID, version: application.formVersion) else { return nil }
        return OpenedApplication(token: token, application: application, call: loaded.call, rules: loaded.rules, form: form)
    }
}

/// An answer as the applicant reads it back: choices by their labels, countries by name.
enum AnswerText {
    static func display(_ answer: Answer?, question: Question, words: Words, files: [UUID: UploadedFile] = [:]) -> String {
        guard let answer, !answer.isBlank else { return words("app.notAnswered") }
        switch question.type {
        case .singleChoice, .multipleChoice, .rating:
            let values: [String]
            if case .list(let items) = answer { values = items } else { values = [answer.textValue] }
            return values.map { value in
                question.options.first { $0.value == value }?.label.text(in: words.language) ?? value
            }.joined(separator: ", ")
        case .yesNo:
            return answer.textValue.lowercased() == "yes" ? words("common.yes") : (answer.textValue.lowercased() == "no" ? words("common.no") : answer.textValue)
        case .country:
            return Country(code: answer.textValue)?.englishName ?? answer.textValue
        case .file:
            return UUID(uuidString: answer.textValue).flatMap { files[$0] }?.summary ?? answer.textValue
        default:
            return answer.textValue
        }
    }
}
