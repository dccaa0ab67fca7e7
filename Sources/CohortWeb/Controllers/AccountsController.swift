import CohortCore
import CohortStore
import Vapor

/// Accounts: platform administrators only. New accounts get a one-time password, shown once.
struct AccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.accounts, use: list)
        routes.get(.newAccount, use: newForm)
        routes.post(.newAccount, use: create)
        routes.get(.account, use: editForm)
        routes.post(.account, use: update)
        routes.post(.accountPassword, use: resetPassword)
    }

    private let trail = [Layout.Crumb(label: "Staff area", href: SiteURL.staffHome.path),
                         Layout.Crumb(label: "Accounts", href: SiteURL.accounts.path)]

    func list(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let request = req.listRequest(default: AccountSort.name)
        let (items, total) = try await AccountStore(db: req.persistence).page(request)
        let list = ListView(basePath: SiteURL.accounts.path, request: request, total: total, noun: ("account", "accounts"),
                            columns: [("Name", .name), ("Email", .email), ("Role", .role), ("Status", nil)])
        let rows = items.map {
            AccountListView.Row(name: $0.name, email: $0.email, href: SiteURL.account($0.id).path,
                                role: $0.platformRole.label, status: $0.isActive ? "Active" : "Deactivated")
        }
        return req.page(.accounts, title: "Accounts", AccountListView(list: list, rows: rows, newHref: SiteURL.newAccount.path),
                        trail: [trail[0]])
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        return formPage(req, AccountForm(), isActive: true, errors: [], id: nil)
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let form = Self.form(try req.formValues())
        do {
            let valid = try form.validated()
            let password = OneTimePassword.make(using: req.randomness)
            let hash = try await hashOffLoop(req, password)
            let account = try await req.refusingFields {
                try await AccountStore(db: req.persistence).create(email: valid.email, name: valid.name, passwordHash: hash, role: valid.role,
                                                                   mustChangePassword: true, now: req.now)
            }
            return formPage(req, AccountForm(email: account.email, name: account.name, platformRole: account.platformRole.rawValue),
                            isActive: true, errors: [], id: account.id, oneTimePassword: password)
        } catch let failure as ValidationFailure {
            return formPage(req, form, isActive: true, errors: failure.errors, id: nil)
        }
    }

    func editForm(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let account = try await find(req)
        let organisation = try await AccountStore(db: req.persistence).organisationID(of: account.id)
        return formPage(req, AccountForm(email: account.email, name: account.name, platformRole: account.platformRole.rawValue),
                        isActive: account.isActive, errors: [], id: account.id,
                        organisation: (organisation?.uuidString.lowercased() ?? "", try await Self.organisationChoices(req)))
    }

    /// Organisations an account can belong to (a partner's staff reviewing for a program).
    static func organisationChoices(_ req: Request) async throws -> [(value: String, label: String)] {
        try await OrganisationStore(db: req.persistence).all().map { ($0.id.uuidString.lowercased(), $0.name) }
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.authorize(.manageAccounts)
        let account = try await find(req)
        let values = try req.formValues()
        // The email is fixed once created; the form shows it read-only.
        let form = AccountForm(email: account.email, name: values["name"], platformRole: values["platformRole"])
        let isActive = values["isActive"] == "on"
        let choices = try await Self.organisationChoices(req)
        do {
            let valid = try form.validated()
            if account.id == actor.accountID && (valid.role != .admin || !isActive) {
                throw ValidationFailure([FieldError("platformRole", "You cannot remove your own administrator role or deactivate yourself. Ask another administrator.")])
            }
            let organisation = values["organisation"]
            guard organisation.isEmpty || choices.contains(where: { $0.value == organisation }) else {
                throw ValidationFailure([FieldError("organisation", "Choose an organisation from the list, or none.")])
            }
            // A form without the field (none is drawn on some pages) leaves the organisation as it is.
            let change: UUID?? = values.values["organisation"] == nil ? .none : .some(UUID(uuidString: organisation))
            try await AccountStore(db: req.persistence).update(id: account.id, name: valid.name, role: valid.role, isActive: isActive, organisationID: change, now: req.now)
            return req.redirect(.accounts, flash: .saved)
        } catch let failure as ValidationFailure {
            return formPage(req, form, isActive: isActive, errors: failure.errors, id: account.id, organisation: (values["organisation"], choices))
        }
    }

    func resetPassword(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let account = try await find(req)
        let password = OneTimePassword.make(using: req.randomness)
        try await AccountStore(db: req.persistence).setPassword(id: account.id, passwordHash: try await hashOffLoop(req, password), now: req.now)
        let organisation = try await AccountStore(db: req.persistence).organisationID(of: account.id)
        return formPage(req, AccountForm(email: account.email, name: account.name, platformRole: account.platformRole.rawValue),
                        isActive: account.isActive, errors: [], id: account.id, oneTimePassword: password,
                        organisation: (organisation?.uuidString.lowercased() ?? "", try await Self.organisationChoices(req)))
    }

    private func hashOffLoop(_ req: Request, _ password: String) async throws -> String {
        let hasher = req.passwordHasher
        return try await req.application.threadPool.runIfActive { try hasher.hash(password) }
    }

    private func find(_ req: Request) async throws -> Account {
        guard let id = req.parameters.get("id", as: UUID.self), let account = try await AccountStore(db: req.persistence).find(id) else {
            throw DomainError.notFound("account")
        }
        return account
    }

    static func form(_ values: FormValues) -> AccountForm {
        AccountForm(email: values["email"], name: values["name"], platformRole: values["platformRole"])
    }

    private func formPage(_ req: Request, _ form: AccountForm, isActive: Bool, errors: [FieldError], id: UUID?,
                          oneTimePassword: String? = nil, organisation: (selected: String, choices: [(value: String, label: String)])? = nil) -> Response {
        var email = FormField("email", "Email address", value: form.email, errors: errors).type("email", autocomplete: "off")
        if id != nil {
            email.hint = "The email address cannot be changed."
            email.readOnly = true
        }
        var fields = [
            email,
            FormField("name", "Name", value: form.name, errors: errors),
            FormField("platformRole", "Platform role", value: form.platformRole, errors: errors,
                      hint: "Administrators manage everything. Members see only the programs they hold a role in.")
                .choices(PlatformRole.allCases.map { ($0.rawValue, $0.label) }),
        ]
        if let organisation {
            fields.append(FormField("organisation", "Organisation", value: organisation.selected, errors: errors,
                                    hint: "Where the person works. A reviewer never gets applications from their own organisation.")
                .choices(organisation.choices, placeholder: "None").optional())
        }
        if id != nil {
            fields.append(FormField("isActive", "Account may sign in", value: isActive ? "on" : "", errors: errors).type("checkbox").optional())
        }
        let action = id.map { SiteURL.account($0).path } ?? SiteURL.newAccount.path
        let view = StaffFormView(
            heading: id == nil ? "New account" : "Account: \(form.name)",
            intro: id == nil ? "A one-time password is shown once after the account is created. Give it to the person by a safe channel; they should change it." : nil,
            form: FormView(request: req, action: action, submitLabel: id == nil ? "Create account" : "Save changes",
                           fields: fields, cancelHref: SiteURL.accounts.path),
            danger: id.map {
                DangerAction(label: "Reset password",
                             consequence: "A new one-time password replaces the current one, and the account is signed out everywhere.",
                             action: SiteURL.accountPassword($0).path, csrf: req.csrfToken())
            },
            oneTimePassword: oneTimePassword)
        return req.page(.staffForm, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity,
                        isError: !errors.isEmpty, trail: trail)
    }
}
