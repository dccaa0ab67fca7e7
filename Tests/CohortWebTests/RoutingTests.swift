import CohortCore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Mustache
import Testing
import Vapor

/// Every address is written once, in `RoutePattern`: the registered routes are exactly the
/// patterns, and every `SiteURL` leads to the route it names and to no other.
@Suite struct RoutingTests {
    static let id = UUID(uuidString: "7F3C2A9E-1B4D-4C8E-9A2F-5D6E7F8A9B0C")!
    static let other = UUID(uuidString: "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D")!

    /// One of every `SiteURL` case (the compiler keeps `route` exhaustive; this list is checked to cover every pattern).
    static let samples: [SiteURL] = [
        .home, .program(slug: "mwp-2017"), .signIn(next: "/staff"), .signOut, .staffHome, .organisations, .newOrganisation,
        .organisation(id), .deleteOrganisation(id), .accounts, .newAccount, .account(id), .accountPassword(id), .staffPrograms,
        .newProgram, .staffProgram(slug: "mwp-2017"), .deleteProgram(slug: "mwp-2017"), .programPartners(slug: "mwp-2017"),
        .removePartner(slug: "mwp-2017", id: id), .programModules(slug: "mwp-2017"), .programModule(slug: "mwp-2017", id: id),
        .removeModule(slug: "mwp-2017", id: id), .programCountries(slug: "mwp-2017"), .removeCountry(slug: "mwp-2017", code: "NP"),
        .programMembers(slug: "mwp-2017"), .removeMember(slug: "mwp-2017", id: id), .staticFile("cohort.css", version: "1"),
        .call(id), .programCalls(slug: "mwp-2017"), .callApplications(id), .callApplication(callID: id, id: other), .callExport(id),
        .startApplication(callID: id), .resume(token: "abc"), .application(id), .applicationSection(id, index: 0),
        .applicationReview(id), .applicationSubmit(id), .applicationReceipt(id), .applicationWithdraw(id),
        .applicationFile(id, fileID: other), .staffApplicationFile(callID: id, id: other, fileID: id),
        .applicationEligibility(callID: id, id: other), .callBulkStatus(id), .newCall(slug: "mwp-2017"), .editCall(id), .callForm(id),
        .callFormSection(id), .callFormQuestion(id), .callFormMove(id), .callFormRemove(id), .callPreview(id, language: "ms", section: 1),
        .apiTokens, .callReview(id), .callReviewAssign(id), .callReviewAssignment(id), .callReviewUnassign(id), .reviewHome,
        .callSelection(id), .selectionRun(callID: id, id: other), .selectionInstance(callID: id, id: other), .selectionCompare(id),
        .selectionDecisions(callID: id, runID: other), .callDecisions(id), .callDecisionOffer(id), .applicationDecision(id),
        .reviewQueue(id), .reviewApplication(callID: id, id: other), .reviewConflict(callID: id, id: other), .revokeAPIToken(id),
        .ownPassword, .health, .ready, .apiContract, .apiPrograms, .apiProgram(slug: "mwp-2017"), .apiCalls, .apiCall(id),
        .apiCallApplications(id), .apiOwnApplication, .apiApplication(id), .apiApplicationSubmit(id), .apiApplicationFiles(id),
        .programAgenda(slug: "mwp-2017"), .programAgendaFeed(slug: "mwp-2017"), .apiProgramAgenda(slug: "mwp-2017"),
        .moduleAgenda(slug: "mwp-2017", id: id), .publishAgenda(slug: "mwp-2017", id: id),
        .programPeople(slug: "mwp-2017"), .programParticipants(slug: "mwp-2017"), .programParticipantsExport(slug: "mwp-2017"), .sessionMaterials(slug: "mwp-2017", id: id, sessionID: id),
        .removeSessionMaterial(slug: "mwp-2017", id: id, sessionID: id, materialID: id), .material(id), .removeProgramPerson(slug: "mwp-2017", id: id), .personSignIn,
        .personLink(token: "AbC-_9"), .me, .meName, .meCalendar, .meSignOut, .meAgenda(slug: "mwp-2017"), .personFeed(token: "0af3"),
        .moduleAttendance(slug: "mwp-2017", id: id), .moduleAttendanceExport(slug: "mwp-2017", id: id, names: true), .meCheckIn,
        .sessionAttendance(sessionID: id), .moduleCertificates(slug: "mwp-2017", id: id),
        .revokeCertificate(slug: "mwp-2017", id: id, certificateID: id), .certificate(id), .verify(code: "7KQ2-M9XD-0B4T-HR6E-W3PZ"),
        .verifyJSON(code: "7KQ2-M9XD-0B4T-HR6E-W3PZ"), .apiProgramCertificates(slug: "mwp-2017"),
        .agendaSession(slug: "mwp-2017", id: id, sessionID: other), .removeAgendaSession(slug: "mwp-2017", id: id, sessionID: other),
        .meSurvey(id), .meSurveySection(id, index: 0), .meSurveySubmit(id), .programSurveys(slug: "mwp-2017"),
        .surveyResults(slug: "mwp-2017", id: id), .surveySettings(slug: "mwp-2017", id: id), .surveyRemind(slug: "mwp-2017", id: id),
        .surveyExport(slug: "mwp-2017", id: id), .surveyNeeds(slug: "mwp-2017", id: id), .programLearningGains(slug: "mwp-2017"),
        .apiProgramSurveys(slug: "mwp-2017"), .apiProgramLearningGains(slug: "mwp-2017"), .apiSurveyResponses(id),
    ]

    /// The application's routes as path patterns, without the two that only the test harness adds.
    static func registered(_ app: Application) -> [String] {
        app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }
            .filter { !$0.hasSuffix("test-failure") }
    }

    @Test func everyRegisteredRouteHasAPatternAndEveryPatternARoute() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let registered = Set(Self.registered(app))
            let patterns = Set(RoutePattern.allCases.map(\.rawValue))
            #expect(registered.subtracting(patterns).isEmpty, "routes without a pattern: \(registered.subtracting(patterns).sorted())")
            #expect(patterns.subtracting(registered).isEmpty, "patterns without a route: \(patterns.subtracting(registered).sorted())")
            #expect(Set(Self.samples.map(\.route.0)) == Set(RoutePattern.allCases))
        }
    }

    /// Each address, run through a router holding every registered route, lands on the route
    /// its case names, with the values it was built from.
    @Test func everySiteURLLeadsToExactlyItsOwnRoute() async throws {
        try await withTestApp(.sqlite, demo: false) { app async throws in
            let router = TrieRouter<String>()
            // The root has no components; like Vapor's own responder, it is kept as one empty segment.
            for path in Set(Self.registered(app)) { router.register(path, at: path == "/" ? [.constant("")] : path.pathComponents) }
            for url in Self.samples {
                let (pattern, values) = url.route
                #expect(pattern.parameters.count == values.count, "\(url): \(values.count) values for \(pattern.rawValue)")
                let path = url.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
                var parameters = Parameters()
                let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
                let found = router.route(path: segments.isEmpty ? [""] : segments, parameters: &parameters)
                #expect(found == pattern.rawValue, "\(url.path) went to \(found ?? "no route"), not \(pattern.rawValue)")
                for (name, value) in zip(pattern.parameters, values) { #expect(parameters.get(name) == value) }
            }
        }
    }

    @Test func valuesArePercentEncodedAsOneSegment() {
        #expect(SiteURL.program(slug: "a/b?c").path == "/programs/a%2Fb%3Fc")
        #expect(SiteURL.signIn(next: "/staff?x=1").path == "/sign-in?next=%2Fstaff%3Fx%3D1")
        #expect(SiteURL.callPreview(Self.id, language: "ne", section: 0).path.hasSuffix("/preview?lang=ne&section=1"))
    }

    /// No controller names a route by a string of its own.
    @Test func controllersRegisterRoutesOnlyFromPatterns() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CohortWeb/Controllers")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let literal = try Regex(#"(routes\.(get|post|patch|put|delete|on|postLarge)|\.grouped)\("[^"]*""#)
            let registersByString = text.contains(literal)
            #expect(!registersByString, "\(name) registers a route by a string")
        }
    }
}

/// Template names are checked when the server starts, not when a page is asked for.
@Suite struct TemplateCheckTests {
    @Test func aMissingTemplateStopsStartUpAndIsNamed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-templates-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>{{content}}</p>".write(to: folder.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        let library = try await MustacheLibrary(directory: folder.path)
        #expect(throws: MissingTemplates.self) { try PageRenderer.check(library) }
        do {
            _ = try PageRenderer.check(library)
        } catch let missing as MissingTemplates {
            #expect(missing.names.contains("staff-home"))
            #expect(!missing.names.contains("home"))
        }
        _ = try PageRenderer.check(try await PageRenderer.load().library)
    }
}
