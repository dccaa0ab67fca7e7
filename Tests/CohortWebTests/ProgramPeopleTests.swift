import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Staff adding the people of a program by hand, and what the added people can then do.
@Suite struct ProgramPeopleTests {
    static let page = "/staff/programs/mwp-2017-18/people"

    static func person(_ fields: [String: String]) -> [String: String] {
        var form = ["fullName": "Ana Reyes", "role": "resource_person", "email": "", "language": "en", "country": "", "sector": "ngo",
                    "position": "", "organisationID": "", "organisationName": "", "bio": ""]
        for (key, value) in fields { form[key] = value }
        return form
    }

    @Test(arguments: TestDatabaseKind.all)
    func aManagerAddsAnExternalResourcePersonAndAFacilitatorWhoCanSignIn(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let empty = try await manager.get(Self.page)
            #expect(empty.status == .ok)
            for name in ["fullName", "role", "email", "language", "country", "sector", "position", "organisationID", "organisationName", "bio"] {
                #expect(empty.body.string.contains(#"name="\#(name)""#), "\(name)")
            }
            let added = try await manager.post(Self.page, Self.person([
                "fullName": "Ana Reyes", "organisationName": "Independent researcher", "bio": "Writes on recruitment fees.\n\nLives in Manila."]))
            #expect(added.status == .seeOther)
            let listed = try await manager.get(Self.page).body.string
            #expect(listed.contains("Ana Reyes") && listed.contains("Independent researcher") && listed.contains("Resource person"))
            // A facilitator needs an address, and then signs in with it.
            let noAddress = try await manager.post(Self.page, Self.person(["fullName": "Ben Cruz", "role": "facilitator"]))
            #expect(noAddress.status == .unprocessableEntity)
            #expect(noAddress.body.string.contains("Enter the email address the facilitator signs in with."))
            #expect(noAddress.body.string.contains(#"value="Ben Cruz""#))
            #expect(try await manager.post(Self.page, Self.person(["fullName": "Ben Cruz", "role": "facilitator", "email": "Ben@Example.org"])).status == .seeOther)
            // The same address in the same role again is refused on the address; in another role it is the same person.
            let twice = try await manager.post(Self.page, Self.person(["fullName": "Ben Cruz", "role": "facilitator", "email": "ben@example.org"]))
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("already holds this role"))
            #expect(try await manager.post(Self.page, Self.person(["fullName": "Ben Cruz", "role": "resource_person", "email": "ben@example.org"])).status == .seeOther)
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2017-18"))
            let members = try await ProgramPeopleStore(db: app.persistence).members(programID: program.id).filter { $0.email == "ben@example.org" }
            #expect(members.count == 2 && Set(members.map(\.personID)).count == 1)
            let person = Browser(app)
            #expect(try await PersonSignInTests.signIn(person, "ben@example.org").status == .seeOther)
            let home = try await person.get("/me").body.string
            #expect(home.contains("Ben Cruz") && home.contains("Facilitator, Resource person"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func everyFieldIsCheckedAndNothingTypedIsLost(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            let bad = try await manager.post(Self.page, Self.person([
                "fullName": "", "role": "emperor", "email": "not-an-address", "language": "xx", "country": "ZZ", "sector": "1e300",
                "position": String(repeating: "p", count: 201), "organisationID": UUID().uuidString, "organisationName": "<script>x</script>",
                "bio": String(repeating: "b", count: 1_001)]))
            #expect(bad.status == .unprocessableEntity)
            let body = bad.body.string
            for message in ["Enter the person&#39;s full name.", "Choose the person&#39;s role in the program.", "Enter an email address like",
                            "Choose the language", "Choose a country from the list.", "Choose the sector", "200 characters or fewer",
                            "Choose an organisation from the list.", "1000 characters or fewer"] {
                #expect(body.contains(message), "\(message)")
            }
            #expect(body.contains("&lt;script&gt;x&lt;/script&gt;") && !body.contains("<script>x</script>"))
            // A participant needs a country.
            let participant = try await manager.post(Self.page, Self.person(["role": "participant", "email": "p@example.org"]))
            #expect(participant.body.string.contains("Choose the participant&#39;s country."))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func someoneWhoStillSpeaksKeepsTheRoleUntilTakenOffTheirSessions(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
            let members = try await ProgramPeopleStore(db: app.persistence).members(programID: program.id)
            let speaker = try #require(members.first { $0.role == .facilitator && $0.sessionCount > 0 })
            let refused = try await admin.post("/staff/programs/mwp-2006/people/\(speaker.enrolmentID.uuidString.lowercased())/remove")
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("still speaks in \(speaker.sessionCount) sessions"))
            let participant = try #require(members.first { $0.role == .participant })
            let removed = try await admin.post("/staff/programs/mwp-2006/people/\(participant.enrolmentID.uuidString.lowercased())/remove")
            #expect(removed.status == .seeOther)
            #expect(try await ProgramPeopleStore(db: app.persistence).members(programID: program.id).count == members.count - 1)
        }
    }
}
