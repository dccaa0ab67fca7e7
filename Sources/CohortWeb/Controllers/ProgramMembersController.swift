import CohortCore
import CohortStore
import Vapor

/// Who holds which role in a program: administrators assign managers, reviewers and others.
struct ProgramMembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.programMembers, use: list)
        routes.post(.programMembers, use: add)
        routes.post(.removeMember, use: remove)
    }

    func list(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: { _ in .assignProgramRoles })
        return try await page(req, program, accountID: "", role: ProgramRole.manager.rawValue, errors: [])
    }

    func add(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: { _ in .assignProgramRoles })
        let values = try req.formValues()
        do {
            var errors = FieldErrorList()
            let accountID = UUID(uuidString: values["accountID"])
            if accountID == nil { errors.add("accountID", "Choose an account.") }
            let role = ProgramRole(rawValue: values["role"])
            if role == nil { errors.add("role", "Choose a role.") }
            try errors.check()
            try await req.refusingFields { try await AccountStore(db: req.persistence).addMember(programID: program.id, accountID: accountID!, role: role!) }
            return req.redirect(.programMembers(slug: program.slug), flash: .added)
        } catch let failure as ValidationFailure {
            return try await page(req, program, accountID: values["accountID"], role: values["role"], errors: failure.errors)
        }
    }

    func remove(req: Request) async throws -> Response {
        let program = try await StaffProgram.load(req, for: { _ in .assignProgramRoles })
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DomainError.notFound("role") }
        try await AccountStore(db: req.persistence).removeMember(programID: program.id, membershipID: id)
        return req.redirect(.programMembers(slug: program.slug), flash: .removed)
    }

    private func page(_ req: Request, _ program: Program, accountID: String, role: String, errors: [FieldError]) async throws -> Response {
        let store = AccountStore(db: req.persistence)
        let members = try await store.members(programID: program.id)
        let rows = members.map { member in
            PartsView.Row(cells: [member.account.name, member.account.email, member.role.label], editHref: nil,
                          remove: DangerAction(label: "Remove", consequence: "\(member.account.name) loses the \(member.role.label.lowercased()) role in this program.",
                                               action: SiteURL.removeMember(slug: program.slug, id: member.membershipID).path,
                                               csrf: req.csrfToken()))
        }
        let accounts = try await store.all().filter(\.isActive)
        let fields = [
            FormField("accountID", "Account", value: accountID, errors: errors)
                .choices(accounts.map { ($0.id.uuidString, "\($0.name) (\($0.email))") }, placeholder: "Choose…"),
            FormField("role", "Role", value: role, errors: errors).choices(ProgramRole.allCases.map { ($0.rawValue, $0.label) }),
        ]
        return ProgramPartsController().render(
            req, program: program, tab: "Staff roles", heading: "Staff roles", columns: ["Name", "Email", "Role"],
            rows: rows, empty: "Nobody holds a role in this program yet. Add a manager first.", addHeading: "Give a role",
            fields: fields, action: SiteURL.programMembers(slug: program.slug).path, errors: errors)
    }
}
