import CohortCore
import Vapor

/// What every page's frame needs: title, who is signed in, the message of the moment.
struct Layout: Sendable {
    let title: String
    let isError: Bool
    let stylesheet: String
    let accountName: String?
    let isStaff: Bool
    let csrf: String?
    let flash: String?
    /// Breadcrumb trail above the heading, staff pages only.
    let trail: [Crumb]
    /// The page's language, for `<html lang>`.
    let lang: String
    /// Applicant pages: a language switcher instead of the staff navigation.
    let isApplicantPage: Bool
    let languageLinks: [LanguageLink]
    let languageLabel: String
    /// The frame's own links (the navigation, the error page's ways on), from `SiteURL`.
    let links = SiteLinks.shared

    struct LanguageLink: Sendable {
        let name: String
        let href: String
        let lang: String
        let isCurrent: Bool
    }

    struct Crumb: Sendable {
        let label: String
        let href: String
    }

    /// The frame of a page for this request: who is signed in, its flash, the switcher's links.
    init(request: Request, title: String, isError: Bool = false, trail: [Crumb] = [],
         language: Language = .english, offered: [Language]? = nil) {
        let session = request.authSession
        self.init(title: title, isError: isError, stylesheet: request.application.staticAssets.stylesheetURL,
                  accountName: session?.account.name, isStaff: session.map { AccessPolicy.isStaff($0.actor) } ?? false,
                  csrf: session == nil ? nil : request.csrfToken(), flash: request.pendingFlash?.message, trail: trail,
                  language: language, offered: offered, path: request.url.path,
                  languageLabel: request.application.catalogs.text("language.label", language))
    }

    /// The frame from plain values (the snapshot tests draw pages from fixed ones).
    init(title: String, isError: Bool, stylesheet: String, accountName: String?, isStaff: Bool, csrf: String?, flash: String?,
         trail: [Crumb], language: Language, offered: [Language]?, path: String, languageLabel: String) {
        self.title = title
        self.isError = isError
        self.stylesheet = stylesheet
        self.accountName = accountName
        self.isStaff = isStaff
        self.csrf = csrf
        self.flash = flash
        self.trail = trail
        self.lang = language.rawValue
        self.isApplicantPage = offered != nil
        self.languageLinks = (offered ?? []).count < 2 ? [] : (offered ?? []).map {
            LanguageLink(name: $0.nativeName, href: "\(path)?lang=\($0.rawValue)", lang: $0.rawValue, isCurrent: $0 == language)
        }
        self.languageLabel = languageLabel
    }
}

/// A page: its frame and its content, rendered by one template.
struct Page<Content: Sendable>: Sendable {
    let layout: Layout
    let content: Content
}

extension Request {
    /// Renders a page and clears a flash message it has shown.
    func page<Content: Sendable>(_ template: Template, title: String, _ content: Content, status: HTTPStatus = .ok,
                                 isError: Bool = false, trail: [Layout.Crumb] = []) -> Response {
        let layout = Layout(request: self, title: title, isError: isError, trail: trail)
        let response = render(template, Page(layout: layout, content: content), status: status)
        if layout.flash != nil { response.cookies[cookieJar.flash] = cookieJar.expired() }
        return response
    }

    /// An applicant page in `language`, with the switcher for the call's languages.
    func applicantPage<Content: Sendable>(_ template: Template, title: String, _ content: Content, language: Language,
                                          offered: [Language], status: HTTPStatus = .ok, isError: Bool = false) -> Response {
        let layout = Layout(request: self, title: title, isError: isError, language: language, offered: offered)
        let response = render(template, Page(layout: layout, content: content), status: status)
        response.rememberLanguage(of: self)
        return response
    }
}

/// The addresses the frame and the staff home link to, built once from `SiteURL`.
struct SiteLinks: Sendable {
    static let shared = SiteLinks()

    let home = SiteURL.home.path
    let signIn = SiteURL.signIn(next: nil).path
    let signOut = SiteURL.signOut.path
    let staffHome = SiteURL.staffHome.path
    let apiTokens = SiteURL.apiTokens.path
    let ownPassword = SiteURL.ownPassword.path
    let staffPrograms = SiteURL.staffPrograms.path
    let organisations = SiteURL.organisations.path
    let accounts = SiteURL.accounts.path
    let reviewHome = SiteURL.reviewHome.path
}
