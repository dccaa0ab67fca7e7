import Foundation
import Testing
@testable import CohortCore

@Suite struct ProgramFormTests {
    static let valid = ProgramForm(slug: "mwp-2017", title: "Migrant Workers Program", theme: "Migrant workers' rights",
                                   hostCountry: "MY", startDate: "2017-08-14", endDate: "2018-09-14",
                                   summary: "A program.", description: "Text", status: "open_for_applications")

    @Test func acceptsAValidProgram() throws {
        let program = try Self.valid.validated(id: UUID())
        #expect(program.slug == "mwp-2017")
        #expect(program.status == .open)
        #expect(program.hostCountry.code == "MY")
    }

    @Test(arguments: [
        ("slug", ""), ("slug", "Has Spaces"), ("slug", "-bad"), ("title", "   "), ("theme", ""),
        ("hostCountry", "ZZ"), ("startDate", "2017-02-30"), ("endDate", "2017-01-01"), ("summary", ""),
        ("status", "published"), ("leadOrganisationID", "not-a-uuid"),
    ])
    func namesTheFieldThatIsWrong(field: String, value: String) {
        var form = Self.valid
        switch field {
        case "slug": form.slug = value
        case "title": form.title = value
        case "theme": form.theme = value
        case "hostCountry": form.hostCountry = value
        case "startDate": form.startDate = value
        case "endDate": form.endDate = value
        case "summary": form.summary = value
        case "status": form.status = value
        default: form.leadOrganisationID = value
        }
        #expect(throws: ValidationFailure.self) { try form.validated(id: UUID()) }
        do {
            _ = try form.validated(id: UUID())
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field) == [field])
            #expect(!(failure.message(for: field) ?? "").isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func reportsEveryProblemAtOnce() {
        do {
            _ = try ProgramForm().validated(id: UUID())
            Issue.record("an empty form must not validate")
        } catch let failure as ValidationFailure {
            #expect(Set(failure.errors.map(\.field)).isSuperset(of: ["slug", "title", "theme", "hostCountry", "startDate", "endDate", "summary"]))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func trimsAndNormalisesText() throws {
        var form = Self.valid
        form.title = "  Cafe\u{0301} program  "
        let program = try form.validated(id: UUID())
        #expect(program.title == "Caf\u{00E9} program")
    }
}

@Suite struct ModuleFormTests {
    static let program = try! ProgramFormTests.valid.validated(id: UUID())

    @Test func acceptsAModuleWithinTheProgram() throws {
        let form = ModuleForm(number: "1", title: "Module one", startDate: "2017-08-14", endDate: "2017-08-18",
                              city: "Kuala Lumpur", country: "MY", format: "in_person")
        let module = try form.validated(id: UUID(), program: Self.program, otherNumbers: [])
        #expect(module.venueText == "Kuala Lumpur, Malaysia")
        #expect(module.periodText == "14–18 August 2017")
    }

    @Test(arguments: [
        (ModuleForm(number: "1", title: "x", startDate: "2016-01-01", endDate: "2016-01-02", city: "", country: "MY"), "startDate"),
        (ModuleForm(number: "2", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY"), "number"),
        (ModuleForm(number: "0", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY"), "number"),
        (ModuleForm(number: "3", title: "", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY"), "title"),
        (ModuleForm(number: "3", title: "x", startDate: "2017-09-03", endDate: "2017-09-02", city: "", country: "MY"), "endDate"),
        (ModuleForm(number: "3", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: ""), "country"),
        (ModuleForm(number: "3", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY", format: "x"), "format"),
        (ModuleForm(number: "3", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY", timeZone: "Asia/Atlantis"), "timeZone"),
        (ModuleForm(number: "3", title: "x", startDate: "2017-09-01", endDate: "2017-09-02", city: "", country: "MY", timeZone: ""), "timeZone"),
    ])
    func refusesBadModules(form: ModuleForm, field: String) {
        do {
            _ = try form.validated(id: UUID(), program: Self.program, otherNumbers: [2])
            Issue.record("expected a problem with \(field)")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.map(\.field).contains(field))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anOnlineModuleNeedsNoCountry() throws {
        let form = ModuleForm(number: "4", title: "Online follow-up", startDate: "2018-01-10", endDate: "2018-01-10",
                              city: "", country: "", format: "online")
        let module = try form.validated(id: UUID(), program: Self.program, otherNumbers: [])
        #expect(module.venueText == "Online")
    }
}

@Suite struct OtherFormTests {
    @Test func organisationNeedsNameAndKind() {
        #expect(throws: ValidationFailure.self) { try OrganisationForm(name: "", kind: "ngo").validated() }
        #expect(throws: ValidationFailure.self) { try OrganisationForm(name: "MFA", kind: "club").validated() }
        #expect(throws: ValidationFailure.self) { try OrganisationForm(name: "MFA", country: "XX", kind: "ngo").validated() }
        #expect(throws: Never.self) { try OrganisationForm(name: "Migrant Forum in Asia", acronym: "MFA", country: "PH", kind: "network").validated() }
    }

    @Test func aCountryIsListedOncePerProgram() throws {
        let id = UUID()
        let form = ProgramCountryForm(country: "MM", role: "origin", displayName: "Burma")
        let entry = try form.validated(programID: id, existing: [])
        #expect(entry.name == "Burma")
        #expect(throws: ValidationFailure.self) { try form.validated(programID: id, existing: [Country(code: "MM")!]) }
    }

    @Test(arguments: [("a@b.org", true), ("Name@Example.ORG", true), ("no-at.org", false), ("a@b", false),
                      ("a b@c.org", false), ("@c.org", false), ("a@.org", false), ("a@b..org", false)])
    func checksEmailAddresses(email: String, valid: Bool) {
        #expect(EmailAddress.isValid(EmailAddress.normalise(email)) == valid)
    }

    @Test func accountFormNormalisesEmail() throws {
        let valid = try AccountForm(email: " Ana@Example.ORG ", name: "Ana", platformRole: "admin").validated()
        #expect(valid.email == "ana@example.org")
        #expect(valid.role == .admin)
    }

    @Test(arguments: [("Migrant Workers Program 2017/18", "migrant-workers-program-2017-18"), ("Café – Ñandú", "cafe-nandu")])
    func suggestsSlugs(title: String, slug: String) {
        #expect(Slug.suggest(from: title) == slug)
        #expect(Slug.isValid(slug))
    }
}
