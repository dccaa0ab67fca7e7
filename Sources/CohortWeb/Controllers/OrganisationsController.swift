import CohortCore
import CohortStore
import Vapor

/// Organisations: platform administrators only.
struct OrganisationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.organisations, use: list)
        routes.get(.newOrganisation, use: newForm)
        routes.post(.newOrganisation, use: create)
        routes.get(.organisation, use: editForm)
        routes.post(.organisation, use: update)
        routes.post(.deleteOrganisation, use: delete)
    }

    private let trail = [Layout.Crumb(label: "Staff area", href: SiteURL.staffHome.path),
                         Layout.Crumb(label: "Organisations", href: SiteURL.organisations.path)]

    func list(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        let request = req.listRequest(default: OrganisationSort.name)
        let (items, total) = try await OrganisationStore(db: req.persistence).page(request)
        let list = ListView(basePath: SiteURL.organisations.path, request: request, total: total,
                            noun: ("organisation", "organisations"),
                            columns: [("Name", .name), ("Country", .country), ("Kind", .kind)])
        let rows = items.map {
            OrganisationListView.Row(name: $0.displayName, href: SiteURL.organisation($0.id).path,
                                     country: $0.country?.englishName ?? "—", kind: $0.kind.label, isSample: $0.isSample)
        }
        return req.page(.organisations, title: "Organisations",
                        OrganisationListView(list: list, rows: rows, newHref: SiteURL.newOrganisation.path),
                        trail: [trail[0]])
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        return formPage(req, OrganisationForm(), errors: [], id: nil)
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        let form = Self.form(try req.formValues())
        do {
            let valid = try form.validated()
            try await OrganisationStore(db: req.persistence).create(Organisation(
                id: UUID(), name: valid.name, acronym: valid.acronym, country: valid.country, kind: valid.kind), now: req.now)
            req.application.publicPageCache.expire()
            return req.redirect(.organisations, flash: .created)
        } catch let failure as ValidationFailure {
            return formPage(req, form, errors: failure.errors, id: nil)
        }
    }

    func editForm(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        let organisation = try await find(req)
        return formPage(req, OrganisationForm(organisation), errors: [], id: organisation.id)
    }

    func update(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        var organisation = try await find(req)
        let form = Self.form(try req.formValues())
        do {
            let valid = try form.validated()
            organisation.name = valid.name
            organisation.acronym = valid.acronym
            organisation.country = valid.country
            organisation.kind = valid.kind
            try await OrganisationStore(db: req.persistence).update(organisation, now: req.now)
            req.application.publicPageCache.expire()
            return req.redirect(.organisations, flash: .saved)
        } catch let failure as ValidationFailure {
            return formPage(req, form, errors: failure.errors, id: organisation.id)
        }
    }

    func delete(req: Request) async throws -> Response {
        try req.authorize(.manageOrganisations)
        let organisation = try await find(req)
        try await OrganisationStore(db: req.persistence).delete(organisation.id)
        req.application.publicPageCache.expire()
        return req.redirect(.organisations, flash: .deleted)
    }

    private func find(_ req: Request) async throws -> Organisation {
        guard let id = req.parameters.get("id", as: UUID.self),
              let organisation = try await OrganisationStore(db: req.persistence).find(id) else {
            throw DomainError.notFound("organisation")
        }
        return organisation
    }

    static func form(_ values: FormValues) -> OrganisationForm {
        OrganisationForm(name: values["name"], acronym: values["acronym"], country: values["country"], kind: values["kind"])
    }

    private func formPage(_ req: Request, _ form: OrganisationForm, errors: [FieldError], id: UUID?) -> Response {
        let fields = [
            FormField("name", "Name", value: form.name, errors: errors, hint: "The full name, like Migrant Forum in Asia."),
            FormField("acronym", "Acronym", value: form.acronym, errors: errors, hint: "Optional, like MFA.").optional(),
            FormField("country", "Country", value: form.country, errors: errors)
                .choices(FormField.countryChoices(), placeholder: "No country (regional or international)").optional(),
            FormField("kind", "Kind of organisation", value: form.kind, errors: errors)
                .choices(OrganisationKind.allCases.map { ($0.rawValue, $0.label) }, placeholder: "Choose…"),
        ]
        let action = id.map { SiteURL.organisation($0).path } ?? SiteURL.newOrganisation.path
        let view = StaffFormView(
            heading: id == nil ? "New organisation" : "Edit organisation",
            form: FormView(request: req, action: action, submitLabel: id == nil ? "Create organisation" : "Save changes",
                           fields: fields, cancelHref: SiteURL.organisations.path),
            danger: id.map {
                DangerAction(label: "Delete this organisation",
                             consequence: "The organisation is removed from Cohort. This cannot be undone. An organisation that is a partner in a program cannot be deleted.",
                             action: SiteURL.deleteOrganisation($0).path, csrf: req.csrfToken())
            })
        return req.page(.staffForm, title: view.heading, view, status: errors.isEmpty ? .ok : .unprocessableEntity,
                        isError: !errors.isEmpty, trail: trail)
    }
}
