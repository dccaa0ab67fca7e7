import CohortCore
import CohortStore
import Vapor

/// A program's participants, facilitators, resource persons and observers: confirmed
/// applicants arrive here on their own; staff add the others by hand and take roles away.
struct ProgramPeopleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programPeople, use: list)
        routes.post(.programPeople, use: add)
        routes.post(.removeProgramPerson, use: remove)
    }

    func list(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        return try await page(req, program, form: PersonForm(), errors: [])
    }

    func add(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        let values = try req.formValues()
        let form = PersonForm(fullName: values["fullName"], role: values["role"], email: values["email"], language: values["language"],
                              country: values["country"], sector: values["sector"], position: values["position"],
                              organisationID: values["organisationID"], organisationName: values["organisationName"], bio: values["bio"])
        do {
            let organisations = Set(try await OrganisationStore(db: req.persistence).all().map(\.id))
            let valid = try form.validated(organisations: organisations)
            try await req.refusingFields {
                try await ProgramPeopleStore(db: req.persistence).add(valid, programID: program.id, now: req.now)
            }
            return req.redirect(.programPeople(slug: program.slug), flash: .added)
        } catch let failure as ValidationFailure {
            return try await page(req, program, form: form, errors: failure.errors)
        }
    }

    func remove(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: StaffAction.editProgram)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DomainError.notFound("person") }
        try await ProgramPeopleStore(db: req.persistence).remove(programID: program.id, enrolmentID: id)
        return req.redirect(.programPeople(slug: program.slug), flash: .removed)
    }

    private func page(_ req: Request, _ program: Program, form: PersonForm, errors: [FieldError]) async throws -> Response {
        let members = try await ProgramPeopleStore(db: req.persistence).members(programID: program.id)
        let organisations = try await OrganisationStore(db: req.persistence).all()
        let rows = members.map { member in
            PartsView.Row(cells: [member.fullName, member.role.label, member.country?.englishName ?? "–", member.organisation,
                                  member.email ?? "–"],
                          editHref: nil,
                          remove: DangerAction(label: "Remove", consequence: "\(member.fullName) is no longer a \(member.role.label.lowercased()) of this program.",
                                               action: SiteURL.removeProgramPerson(slug: program.slug, id: member.enrolmentID).path,
                                               csrf: req.csrfToken()))
        }
        let fields = [
            FormField("fullName", "Full name", value: form.fullName, errors: errors).type("text", autocomplete: "off"),
            FormField("role", "Role", value: form.role, errors: errors)
                .choices(EnrolmentRole.allCases.map { ($0.rawValue, $0.label) }),
            FormField("email", "Email address", value: form.email, errors: errors,
                      hint: "They sign in with it, without a password, and their agenda and certificates reach them there. "
                          + "Required for participants and facilitators.").type("email", autocomplete: "off").optional(),
            FormField("language", "Language of their messages", value: form.language, errors: errors)
                .choices(Language.allCases.map { ($0.rawValue, $0.nativeName) }),
            FormField("country", "Country", value: form.country, errors: errors, hint: "Required for participants.")
                .choices(FormField.countryChoices(), placeholder: "Choose…").optional(),
            FormField("sector", "Sector", value: form.sector, errors: errors)
                .choices(OrganisationKind.allCases.map { ($0.rawValue, $0.label) }),
            FormField("position", "Position", value: form.position, errors: errors, hint: "Optional, like Legal officer.").optional(),
            FormField("organisationID", "Organisation", value: form.organisationID, errors: errors,
                      hint: "From Cohort's list; or leave it and write the organisation out below.")
                .choices(organisations.map { ($0.id.uuidString, $0.displayName) }, placeholder: "None of these").optional(),
            FormField("organisationName", "Organisation, written out", value: form.organisationName, errors: errors,
                      hint: "For a resource person from an organisation Cohort does not list.").optional(),
            FormField("bio", "Short bio", value: form.bio, errors: errors,
                      hint: "Optional, up to 1,000 characters.").multiline().optional(),
        ]
        return ProgramPartsController().render(
            req, program: program, tab: "People", heading: "People",
            columns: ["Name", "Role", "Country", "Organisation", "Email"], rows: rows,
            empty: "Nobody takes part yet. Applicants who confirm their place appear here; add facilitators and resource persons below.",
            addHeading: "Add a person", fields: fields, action: SiteURL.programPeople(slug: program.slug).path, errors: errors)
    }
}
