import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Route × role → status. Deny by default: every staff route is listed with every role.
@Suite struct AccessTableTests {
    enum Role: String, CaseIterable, Sendable {
        case anonymous, admin, manager, member, reviewer
        /// Signed in with a sign-in link: a participant of the 2006 workshop, and one of its facilitators.
        case participant, facilitator
    }

    struct Row: Sendable {
        let method: HTTPMethod
        let path: String
        let expected: [Role: UInt]
        var form: [String: String] = [:]
    }

    static let signIn: UInt = 303

    /// anonymous → sign-in redirect; member (an account without roles) and managers of other
    /// programs get 403 for platform routes and 404 for programs they may not see.
    static let table: [Row] = [
        Row(method: .GET, path: "/", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/programs/mwp-2006", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/api/v1/programs", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/sign-in", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        // A reviewer reaches the staff area's front page (their reviews are there), and nothing of a program's.
        Row(method: .GET, path: "/staff", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 200, .reviewer: 200]),
        Row(method: .GET, path: "/staff/organisations", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 403]),
        Row(method: .GET, path: "/staff/organisations/new", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 403]),
        Row(method: .POST, path: "/staff/organisations/new", expected: [.anonymous: signIn, .admin: 422, .manager: 403, .member: 403]),
        Row(method: .GET, path: "/staff/accounts", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 403]),
        Row(method: .GET, path: "/staff/accounts/new", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 403]),
        Row(method: .POST, path: "/staff/accounts/new", expected: [.anonymous: signIn, .admin: 422, .manager: 403, .member: 403]),
        Row(method: .GET, path: "/staff/programs", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 403]),
        Row(method: .GET, path: "/staff/programs/new", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 403]),
        Row(method: .POST, path: "/staff/programs/new", expected: [.anonymous: signIn, .admin: 422, .manager: 403, .member: 403]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/partners", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/partners", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/partners", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/countries", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/countries/MY/remove", expected: [.anonymous: signIn, .admin: 303, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/members", expected: [.anonymous: signIn, .admin: 200, .manager: 403, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/members", expected: [.anonymous: signIn, .admin: 422, .manager: 403, .member: 404]),
        // Calls and applications: {call2017}, {call2006} and {app2006} are filled in from the demo data.
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/calls", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/calls", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}/applications", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/applications", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/applications.csv", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/applications/{app2006}", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/applications/status", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/applications/{app2006}/eligibility",
            expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/calls/new", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/calls/new", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}/form", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/form", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}/form/section", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/form/section", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/form/question", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/form/move", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/form/remove", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}/preview?lang=ms", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/tokens", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 403, .reviewer: 200]),
        Row(method: .POST, path: "/staff/tokens", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 403, .reviewer: 422]),
        // Review: managers set it up; a reviewer opens only what is assigned to them, and no staff page.
        Row(method: .GET, path: "/staff/calls/{call2017}/review", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/review", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/review", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/review/assignments", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/review/assignments/remove", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/review/assign", expected: [.anonymous: signIn, .admin: 303, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/applications", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/review", expected: [.anonymous: signIn, .admin: 403, .manager: 403, .member: 403, .reviewer: 200]),
        Row(method: .GET, path: "/review/calls/{call2006}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 200]),
        Row(method: .GET, path: "/review/calls/{call2017}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/review/calls/{call2006}/applications/{app2006}",
            expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 200]),
        Row(method: .POST, path: "/review/calls/{call2006}/applications/{app2006}",
            expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 422]),
        Row(method: .POST, path: "/review/calls/{call2006}/applications/{unassigned}/conflict",
            expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2017}/selection", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/selection", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/selection", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/selection/{unassigned}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/selection/compare", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/decisions/offer", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .GET, path: "/staff/calls/{call2006}/decisions", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/staff/calls/{call2006}/selection/{unassigned}/decisions", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        Row(method: .POST, path: "/applications/{app2006}/decision", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404, .reviewer: 404]),
        // An applicant's pages open only with the applicant's own link; a staff session opens none of them.
        Row(method: .GET, path: "/applications/{app2006}", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/applications/{app2006}/review", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/api/v1/applications/{app2006}", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401]),
        Row(method: .GET, path: "/api/v1/calls/{call2006}/applications", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401]),
        // Agendas: anyone reads the published one; only the program's managers edit and publish it.
        Row(method: .GET, path: "/programs/mwp-2017-18/agenda", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/programs/mwp-2017-18/agenda.ics", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/programs/no-such-program/agenda.ics", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/api/v1/programs/mwp-2017-18/agenda", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules/{module2017}/agenda", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/modules/{module2017}/agenda", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/modules/{module2017}/agenda/publish", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules/{module2017}/agenda/{unassigned}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/modules/{module2017}/agenda/{unassigned}/remove", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/modules/{module2006}/agenda", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/agenda", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/agenda/publish", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        // A module of one program is not reached through another's address.
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules/{module2006}/agenda", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        // A program's people: its managers keep them.
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/people", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/people", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/people", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/agenda/{session2006}/materials", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/agenda/{session2006}/materials/{unassigned}/remove", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/materials/{unassigned}", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/participants", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/participants.csv", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/participants", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/participants.csv?names=1", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/people", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/people/{unassigned}/remove", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        // Participants' and facilitators' own pages: a staff session opens none of them, and each
        // person reads only the programs they are in.
        Row(method: .GET, path: "/me/sign-in", expected: [.anonymous: 200, .admin: 200, .manager: 200, .member: 200, .participant: 303, .facilitator: 303]),
        Row(method: .POST, path: "/me/sign-in", expected: [.anonymous: 422, .admin: 422, .manager: 422, .member: 422, .participant: 422, .facilitator: 422]),
        Row(method: .GET, path: "/me/sign-in/{unassigned}", expected: [.anonymous: 410, .admin: 410, .manager: 410, .member: 410, .participant: 410, .facilitator: 410]),
        Row(method: .POST, path: "/me/sign-in/{unassigned}", expected: [.anonymous: 410, .admin: 410, .manager: 410, .member: 410, .participant: 410, .facilitator: 410]),
        Row(method: .GET, path: "/me", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 200, .facilitator: 200]),
        Row(method: .POST, path: "/me/name", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 422, .facilitator: 422]),
        Row(method: .POST, path: "/me/calendar", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 303, .facilitator: 303]),
        Row(method: .GET, path: "/me/programs/mwp-2006/agenda", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 200, .facilitator: 200]),
        Row(method: .GET, path: "/me/programs/mwp-2017-18/agenda", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 404, .facilitator: 404]),
        Row(method: .GET, path: "/calendars/\(String(repeating: "0", count: 64))/sessions.ics",
            expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404, .participant: 404, .facilitator: 404]),
        // Attendance: a session's list for its managers and its own speakers; a module's summary for its managers.
        Row(method: .GET, path: "/sessions/{session2006}/attendance", expected: [.anonymous: 303, .admin: 200, .manager: 404, .member: 404, .participant: 404, .facilitator: 200]),
        Row(method: .POST, path: "/sessions/{session2006}/attendance", expected: [.anonymous: 303, .admin: 303, .manager: 404, .member: 404, .participant: 404, .facilitator: 303]),
        Row(method: .GET, path: "/sessions/{unassigned}/attendance", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404, .participant: 404, .facilitator: 404]),
        Row(method: .POST, path: "/me/check-in", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 422, .facilitator: 422]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/modules/{module2006}/attendance", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/attendance", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/modules/{module2006}/attendance.csv", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules/{module2017}/attendance", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        // Certificates: managers issue and revoke; the holder and managers print; anyone verifies; staff tokens list.
        Row(method: .GET, path: "/staff/programs/mwp-2006/modules/{module2006}/certificates", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/certificates", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/modules/{module2006}/certificates/{unassigned}/revoke", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/modules/{module2017}/certificates", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/certificates/{unassigned}", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404, .participant: 404, .facilitator: 404]),
        Row(method: .GET, path: "/verify/AAAA-AAAA-AAAA-AAAA-AAAA", expected: [.anonymous: 404, .admin: 404, .manager: 404, .member: 404, .participant: 404, .facilitator: 404]),
        Row(method: .GET, path: "/api/v1/programs/mwp-2006/certificates", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401, .participant: 401, .facilitator: 401]),
        // Surveys: {survey2006} and {survey2017} are each program's needs assessment, closed long ago.
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/surveys", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/surveys", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/surveys", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/surveys/{survey2006}", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        // A survey is reached only through its own program.
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{survey2006}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{unassigned}", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}/settings", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}/settings", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/surveys/{survey2006}/settings", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        // Closed: no reminder goes out.
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}/remind", expected: [.anonymous: signIn, .admin: 422, .manager: 422, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/surveys/{survey2006}/remind", expected: [.anonymous: signIn, .admin: 422, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}/results.csv", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/surveys/{survey2006}/results.csv", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/surveys/{survey2017}/needs", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .POST, path: "/staff/programs/mwp-2006/surveys/{survey2006}/needs", expected: [.anonymous: signIn, .admin: 303, .manager: 404, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2017-18/learning-gains", expected: [.anonymous: signIn, .admin: 200, .manager: 200, .member: 404]),
        Row(method: .GET, path: "/staff/programs/mwp-2006/learning-gains", expected: [.anonymous: signIn, .admin: 200, .manager: 404, .member: 404]),
        // The 2006 participant answered the 2006 needs assessment: they read it, and nothing more can be sent.
        Row(method: .GET, path: "/me/surveys/{survey2006}", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 200, .facilitator: 404]),
        Row(method: .GET, path: "/me/surveys/{survey2006}/sections/1", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 303, .facilitator: 404]),
        Row(method: .POST, path: "/me/surveys/{survey2006}/sections/1", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 303, .facilitator: 404]),
        Row(method: .POST, path: "/me/surveys/{survey2006}/submit", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 303, .facilitator: 404]),
        Row(method: .GET, path: "/me/surveys/{survey2017}", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 404, .facilitator: 404]),
        Row(method: .GET, path: "/me/surveys/{survey2006}/sections/9", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 404, .facilitator: 404]),
        Row(method: .GET, path: "/api/v1/programs/mwp-2006/surveys", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401, .participant: 401, .facilitator: 401]),
        Row(method: .GET, path: "/api/v1/surveys/{survey2006}/responses", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401, .participant: 401, .facilitator: 401]),
        Row(method: .GET, path: "/api/v1/programs/mwp-2006/learning-gains", expected: [.anonymous: 401, .admin: 401, .manager: 401, .member: 401, .participant: 401, .facilitator: 401]),
        Row(method: .POST, path: "/me/sign-out", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303, .participant: 303, .facilitator: 303]),
        Row(method: .POST, path: "/staff/programs/mwp-2017-18/delete", expected: [.anonymous: signIn, .admin: 303, .manager: 403, .member: 404]),
        Row(method: .GET, path: "/staff/programs/no-such-program", expected: [.anonymous: signIn, .admin: 404, .manager: 404, .member: 404]),
        Row(method: .POST, path: "/sign-out", expected: [.anonymous: 303, .admin: 303, .manager: 303, .member: 303]),
    ]

    /// A third reviewer for the 2006 program (the demo has two), given every application under a one-criterion rubric.
    static func addReviewer(_ app: Application) async throws {
        let accounts = AccountStore(db: app.persistence)
        let reviewer = try await accounts.create(email: "reviewer@example.org", name: "Reviewer", passwordHash: try app.hashPassword("reviewer-password-1"),
                                                 role: .member, now: app.wallClock.now)
        let program = try #require(try await ProgramStore(db: app.persistence).find(slug: "mwp-2006"))
        try await accounts.addMember(programID: program.id, accountID: reviewer.id, role: .reviewer)
        let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first)
        let reviews = ReviewStore(db: app.persistence)
        try await reviews.save(.init(rubric: Rubric(criteria: [Rubric.Criterion(key: "overall", name: "Overall")], reviewsWanted: 3),
                                     isBlind: true, avoidsSameCountry: false), callID: call.id)
        _ = try await reviews.autoAssign(callID: call.id, programID: program.id, now: Date())
    }

    /// Fills in the ids a path names.
    static func resolve(_ path: String, _ app: Application) async throws -> String {
        guard path.contains("{") else { return path }
        var resolved = path.replacingOccurrences(of: "{unassigned}", with: UUID().uuidString.lowercased())
        for (slug, name) in [("mwp-2017-18", "{call2017}"), ("mwp-2006", "{call2006}")] {
            let program = try #require(try await ProgramStore(db: app.persistence).find(slug: slug))
            let module = try #require(try await ProgramStore(db: app.persistence).detail(slug: slug)?.modules.first)
            resolved = resolved.replacingOccurrences(of: slug == "mwp-2006" ? "{module2006}" : "{module2017}", with: module.id.uuidString.lowercased())
            let call = try #require(try await CallStore(db: app.persistence).calls(programID: program.id).first)
            resolved = resolved.replacingOccurrences(of: name, with: call.id.uuidString.lowercased())
            if slug == "mwp-2006" && resolved.contains("{session2006}") {
                // The first session the facilitator "lead" speaks in.
                resolved = resolved.replacingOccurrences(of: "{session2006}", with: try await AttendanceTests.leadSession(app).id.uuidString.lowercased())
            }
            let needs = try await SurveyStore(db: app.persistence).surveys(programID: program.id).first { $0.survey.kind == .needsAssessment }
            resolved = resolved.replacingOccurrences(of: slug == "mwp-2006" ? "{survey2006}" : "{survey2017}",
                                                     with: try #require(needs).survey.id.uuidString.lowercased())
            if slug == "mwp-2006" {
                let first = try await ApplicationListStore(db: app.persistence).page(callID: call.id, filter: ApplicationFilter(), sort: .reference,
                                                                           after: nil, limit: 1).items.first
                resolved = resolved.replacingOccurrences(of: "{app2006}", with: try #require(first).id.uuidString.lowercased())
            }
        }
        return resolved
    }

    @Test(arguments: TestDatabaseKind.all, Role.allCases)
    func everyRouteAnswersEachRoleAsItShould(kind: TestDatabaseKind, role: Role) async throws {
        // Every row signs in afresh, so the limit on sign-in links per address is lifted.
        try await withTestApp(kind, adjust: { $0.startLimit.perAddress = 10_000; $0.startLimit.perClient = 10_000 }) { app async throws in
            try await AccountStore(db: app.persistence).create(email: "member@example.org", name: "Member Without Roles",
                                                      passwordHash: try app.hashPassword("member-password-1"), role: .member,
                                                      now: app.wallClock.now)
            try await Self.addReviewer(app)
            for row in Self.table {
                // Each row gets a fresh browser, so a sign-out or a delete in one row does not leak into the next.
                let browser = Browser(app)
                switch role {
                case .anonymous: _ = try await browser.get("/sign-in")
                case .admin: _ = try await browser.signIn(Demo.admin.0, Demo.admin.1)
                case .manager: _ = try await browser.signIn(Demo.manager.0, Demo.manager.1)
                case .member: _ = try await browser.signIn("member@example.org", "member-password-1")
                case .reviewer: _ = try await browser.signIn("reviewer@example.org", "reviewer-password-1")
                case .participant: _ = try await PersonSignInTests.signIn(browser, PersonSignInTests.participant)
                case .facilitator: _ = try await PersonSignInTests.signIn(browser, PersonSignInTests.facilitator)
                }
                let path = try await Self.resolve(row.path, app)
                let response = row.method == .GET ? try await browser.get(path) : try await browser.post(path, row.form)
                // A reviewer holds no other role, so unless a row says otherwise they are answered as a
                // member is; a participant or facilitator holds no staff session, so as anybody is.
                let fallback: Role? = switch role {
                case .reviewer: .member
                case .participant, .facilitator: .anonymous
                default: nil
                }
                let expected = try #require(row.expected[role] ?? fallback.flatMap { row.expected[$0] })
                #expect(response.status.code == expected, "\(row.method) \(row.path) as \(role): \(response.status.code)")
                if expected == Self.signIn && role == .anonymous && row.path.hasPrefix("/staff") {
                    #expect(response.headers.first(name: .location)?.hasPrefix("/sign-in") == true, "\(row.path)")
                }
            }
        }
    }
}
