import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Certificates as managers issue and revoke them, holders print them, and anyone verifies them.
@Suite struct CertificateTests {
    static func module(_ app: Application) async throws -> (ProgramModule, String) {
        let module = try #require(try await ProgramStore(db: app.persistence).detail(slug: "mwp-2006")?.modules.first)
        return (module, "/staff/programs/mwp-2006/modules/\(module.id.uuidString.lowercased())/certificates")
    }

    @Test(arguments: TestDatabaseKind.all)
    func theDemoWorkshopsCertificatesAreIssuedToThoseWhoMetTheRule(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (module, page) = try await Self.module(app)
            let certificates = try await CertificateStore(db: app.persistence).module(module.id)
            #expect(certificates.count == 30 && certificates.allSatisfy { !$0.isRevoked && $0.overrideNote == nil })
            #expect(Set(certificates.map(\.code)).count == 30 && certificates.allSatisfy { $0.code.count == 20 })
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let list = try await admin.get(page).body.string
            #expect(list.contains("30 of 32 participants meet it; 30 certificates are valid."))
            #expect(list.contains("Issue anyway"))
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func belowTheRuleTakesANoteAndARevokedCertificateSaysSo(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (module, page) = try await Self.module(app)
            let attendance = try #require(try await AttendanceStore(db: app.persistence).module(moduleID: module.id, now: Date()))
            let below = try #require(attendance.participants.first { !attendance.rule.isMet(by: attendance.summary(of: $0.personID)) })
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let refused = try await admin.post(page, ["person": below.personID.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("does not meet the completion rule"))
            for person in ["", "1e300", UUID().uuidString, "all' OR 1=1"] {
                #expect(try await admin.post(page, ["person": person]).status == .unprocessableEntity, "\(person)")
            }
            #expect(try await admin.post(page, ["person": below.personID.uuidString, "note": String(repeating: "n", count: 501)]).status == .unprocessableEntity)
            #expect(try await admin.post(page, ["person": below.personID.uuidString, "note": "Missed the last day for a family emergency."]).status == .seeOther)
            let issued = try #require(try await CertificateStore(db: app.persistence).module(module.id).first { $0.personID == below.personID })
            #expect(issued.overrideNote == "Missed the last day for a family emergency.")
            // Issuing to everyone again adds nobody: each holds one already.
            #expect(try await admin.post(page, ["person": "all"]).status == .seeOther)
            #expect(try await CertificateStore(db: app.persistence).module(module.id).count == 31)
            // Verified by anyone, then revoked with a reason that stays with the staff.
            let printed = CertificatePrintView.printed(issued.code)
            let open = Browser(app)
            let valid = try await open.get("/verify/\(printed)")
            #expect(valid.status == .ok && valid.body.string.contains("Valid") && valid.body.string.contains(issued.name))
            #expect(try await open.get("/verify/\(printed.lowercased().replacingOccurrences(of: "-", with: " "))").status == .ok)
            let revoke = "\(page)/\(issued.id.uuidString.lowercased())/revoke"
            #expect(try await admin.post(revoke, ["reason": ""]).status == .unprocessableEntity)
            #expect(try await admin.post(revoke, ["reason": "Issued by mistake."]).status == .seeOther)
            #expect(try await admin.post(revoke, ["reason": "Again."]).status == .conflict)
            let revoked = try await open.get("/verify/\(printed)").body.string
            #expect(revoked.contains("Revoked") && !revoked.contains("Issued by mistake."))
            let badge = try await open.get("/verify/\(printed).json")
            #expect(badge.headers.contentType?.description.hasPrefix("application/ld+json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(badge.body.string.utf8)) as? [String: Any])
            #expect(json["@context"] as? String == "https://w3id.org/openbadges/v2")
            #expect(json["type"] as? String == "Assertion" && json["revoked"] as? Bool == true)
            let recipient = try #require(json["recipient"] as? [String: Any])
            #expect(recipient["hashed"] as? Bool == true && (recipient["identity"] as? String)?.hasPrefix("sha256$") == true)
            #expect(!badge.body.string.contains("@demo.cohort.example"))
            // Codes that are not codes.
            for code in ["AAAA", String(repeating: "Z", count: 500), "1e300", "AAAA-AAAA-AAAA-AAAA-AAAA", "%F0%9F%98%80"] {
                #expect(try await open.get("/verify/\(code)").status == .notFound, "\(code)")
                #expect(try await open.get("/verify/\(code).json").status == .notFound, "\(code).json")
            }
            // A control character is refused before any route.
            #expect(try await open.get("/verify/%00").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func theHolderPrintsTheirOwnAndNobodyElses(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let (module, _) = try await Self.module(app)
            let certificates = try await CertificateStore(db: app.persistence).module(module.id)
            let participant = Browser(app)
            _ = try await PersonSignInTests.signIn(participant, PersonSignInTests.participant)
            let home = try await participant.get("/me").body.string
            let mine = try #require(certificates.first { home.contains("/certificates/\($0.id.uuidString.lowercased())") })
            let printed = try await participant.get("/certificates/\(mine.id.uuidString.lowercased())")
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("Certificate of attendance") && printed.body.string.contains(CertificatePrintView.printed(mine.code)))
            let other = try #require(certificates.first { $0.id != mine.id })
            #expect(try await participant.get("/certificates/\(other.id.uuidString.lowercased())").status == .notFound)
            #expect(try await Browser(app).get("/certificates/\(other.id.uuidString.lowercased())").status == .seeOther)
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get("/certificates/\(other.id.uuidString.lowercased())").status == .notFound)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func staffTokensListAProgramsCertificates(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let admin = try await app.makeAPIToken(email: Demo.admin.0, name: "Certificates")
            let manager = try await app.makeAPIToken(email: Demo.manager.0, name: "Certificates")
            let listed = try await StaffAPITests.get(app, "/api/v1/programs/mwp-2006/certificates", token: admin)
            #expect(listed.status == .ok)
            #expect(listed.body.string.components(separatedBy: "\"status\":\"valid\"").count - 1 == 30)
            // The manager of the 2017/18 program reads none of the 2006 program's.
            #expect(try await StaffAPITests.get(app, "/api/v1/programs/mwp-2006/certificates", token: manager).status == .notFound)
            #expect(try await StaffAPITests.get(app, "/api/v1/programs/mwp-2017-18/certificates", token: manager).status == .ok)
            #expect(try await Browser(app).get("/api/v1/programs/mwp-2006/certificates").status == .unauthorized)
            #expect(try await StaffAPITests.get(app, "/api/v1/programs/no-such/certificates", token: admin).status == .notFound)
        }
    }
}
