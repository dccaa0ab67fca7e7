import CohortCore
import CohortStore
import Vapor

/// A program's partners and countries: list, add, remove.
struct ProgramPartsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programPartners, use: partners)
        routes.post(.programPartners, use: addPartner)
        routes.post(.removePartner, use: removePartner)
        routes.get(.programCountries, use: countries)
        routes.post(.programCountries, use: addCountry)
        routes.post(.removeCountry, use: removeCountry)
    }

    // MARK: Partners

    func partners(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        return try await partnersPage(req, program, form: PartnershipForm(), errors: [])
    }

    func addPartner(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let values = try req.formValues()
        let form = PartnershipForm(organisationID: values["organisationID"], role: values["role"], description: values["description"])
        do {
            let valid = try form.validated()
            try await req.refusingFields {
                try await ProgramPartsStore(db: req.persistence).addPartner(programID: program.id, organisationID: valid.organisationID,
                                                                            role: valid.role, description: valid.description)
            }
            req.application.publicPageCache.expire()
            return req.redirect(.programPartners(slug: program.slug), flash: .added)
        } catch let failure as ValidationFailure {
            return try await partnersPage(req, program, form: form, errors: failure.errors)
        }
    }

    func removePartner(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DomainError.notFound("partner") }
        try await ProgramPartsStore(db: req.persistence).removePartner(programID: program.id, partnershipID: id)
        req.application.publicPageCache.expire()
        return req.redirect(.programPartners(slug: program.slug), flash: .removed)
    }

    private func partnersPage(_ req: Request, _ program: Program, form: PartnershipForm, errors: [FieldError]) async throws -> Response {
        guard let detail = try await ProgramStore(db: req.persistence).detail(slug: program.slug) else { throw DomainError.notFound("program") }
        let organisations = try await OrganisationStore(db: req.persistence).all()
        let rows = detail.partnerships.map { partner in
            PartsView.Row(cells: [partner.organisation.displayName, partner.role.label, partner.description], editHref: nil,
                          remove: DangerAction(label: "Remove", consequence: "\(partner.organisation.displayName) will no longer be listed as \(partner.role.label.lowercased()).",
                                               action: SiteURL.removePartner(slug: program.slug, id: partner.id).path, csrf: req.csrfToken()))
        }
        let fields = [
            FormField("organisationID", "Organisation", value: form.organisationID, errors: errors,
                      hint: "Not in the list? An administrator adds organisations under Organisations.")
                .choices(organisations.map { ($0.id.uuidString, $0.displayName) }, placeholder: "Choose…"),
            FormField("role", "Role", value: form.role, errors: errors).choices(PartnerRole.allCases.map { ($0.rawValue, $0.label) }),
            FormField("description", "Their part, in the program's words", value: form.description, errors: errors,
                      hint: "Optional, like Migrants, Refugees and Immigration Affairs Committee.").optional(),
        ]
        return render(req, program: program, tab: "Partners", heading: "Partners", columns: ["Organisation", "Role", "Their part"],
                      rows: rows, empty: "No partners yet. Add the lead organisation first.", addHeading: "Add a partner",
                      fields: fields, action: SiteURL.programPartners(slug: program.slug).path, errors: errors)
    }

    // MARK: Countries

    func countries(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        return try await countriesPage(req, program, form: ProgramCountryForm(), errors: [])
    }

    func addCountry(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let values = try req.formValues()
        let form = ProgramCountryForm(country: values["country"], role: values["role"], displayName: values["displayName"])
        let store = ProgramPartsStore(db: req.persistence)
        do {
            let existing = Set(try await store.countries(programID: program.id).map(\.country))
            try await store.addCountry(try form.validated(programID: program.id, existing: existing))
            req.application.publicPageCache.expire()
            return req.redirect(.programCountries(slug: program.slug), flash: .added)
        } catch let failure as ValidationFailure {
            return try await countriesPage(req, program, form: form, errors: failure.errors)
        }
    }

    func removeCountry(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        guard let country = Country(code: try req.parameters.require("code")) else { throw DomainError.notFound("country") }
        try await ProgramPartsStore(db: req.persistence).removeCountry(programID: program.id, country: country)
        req.application.publicPageCache.expire()
        return req.redirect(.programCountries(slug: program.slug), flash: .removed)
    }

    private func countriesPage(_ req: Request, _ program: Program, form: ProgramCountryForm, errors: [FieldError]) async throws -> Response {
        let countries = try await ProgramPartsStore(db: req.persistence).countries(programID: program.id)
        let rows = ProgramCountry.grouped(countries).flatMap(\.countries).map { entry in
            PartsView.Row(cells: [entry.name, entry.role.label, entry.country.code], editHref: nil,
                          remove: DangerAction(label: "Remove", consequence: "\(entry.name) will no longer be listed for this program.",
                                               action: SiteURL.removeCountry(slug: program.slug, code: entry.country.code).path,
                                               csrf: req.csrfToken()))
        }
        let fields = [
            FormField("country", "Country", value: form.country, errors: errors).choices(FormField.countryChoices(), placeholder: "Choose…"),
            FormField("role", "Role in the program", value: form.role, errors: errors)
                .choices(CountryRole.allCases.map { ($0.rawValue, $0.label) }),
            FormField("displayName", "Name to show", value: form.displayName, errors: errors,
                      hint: "Optional: the program's own name for the country, like Burma.").optional(),
        ]
        return render(req, program: program, tab: "Countries", heading: "Countries", columns: ["Country", "Role", "Code"],
                      rows: rows, empty: "No countries yet. Add the host country as destination, then the countries of origin.",
                      addHeading: "Add a country", fields: fields, action: SiteURL.programCountries(slug: program.slug).path,
                      errors: errors)
    }

    // MARK: Shared

    func render(_ req: Request, program: Program, tab: String, heading: String, columns: [String], rows: [PartsView.Row],
                empty: String, addHeading: String, fields: [FormField], action: String, errors: [FieldError]) -> Response {
        let view = PartsView(heading: heading, programTitle: program.title, publicHref: SiteURL.program(slug: program.slug).path,
                             tabs: Tab.program(slug: program.slug, current: tab, isAdmin: req.actor?.isAdmin ?? false),
                             columns: columns, rows: rows, emptyText: empty, addHeading: addHeading,
                             addForm: FormView(request: req, action: action, submitLabel: addHeading, fields: fields))
        return req.page(.programParts, title: "\(heading) – \(program.title)", view,
                        status: errors.isEmpty ? .ok : .unprocessableEntity, isError: !errors.isEmpty, trail: StaffProgram.trail)
    }
}
