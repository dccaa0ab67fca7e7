import CohortCore
import Vapor

extension Request {
    /// The language for an applicant page: `?lang=` (which then sticks in a cookie), the cookie,
    /// the browser's `Accept-Language`, then the first language the call offers.
    func applicantLanguage(offered: [Language]) -> Language {
        let offered = offered.isEmpty ? [Language.english] : offered
        if let asked = query[String.self, at: "lang"].flatMap(Language.init(rawValue:)), offered.contains(asked) {
            storage[ChosenLanguageKey.self] = asked
            return asked
        }
        if let raw = cookies[cookieJar.language]?.string, let kept = Language(rawValue: raw), offered.contains(kept) {
            return kept
        }
        return Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage), offered: offered) ?? offered[0]
    }

    struct ChosenLanguageKey: StorageKey { typealias Value = Language }

    var words: (Language) -> Words {
        { Words(catalogs: self.application.catalogs, language: $0) }
    }
}

extension Response {
    /// Keeps a language chosen with `?lang=` for the next pages.
    func rememberLanguage(of request: Request) {
        if let chosen = request.storage[Request.ChosenLanguageKey.self] {
            cookies[request.cookieJar.language] = request.cookieJar.value(chosen.rawValue, maxAge: 365 * 24 * 3600)
        }
    }
}
