import Foundation
import Testing
@testable import CohortCore

@Suite struct PasswordPolicyTests {
    @Test(arguments: [
        ("short", false), ("exactly12chr", true), ("नमस्ते नमस्ते", true), ("ពាក្យសម្ងាត់ខ្ញុំ", true),
        (String(repeating: "a", count: 1024), true), (String(repeating: "a", count: 1025), false),
    ])
    func acceptsTwelveOrMoreCharactersInAnyScript(password: String, ok: Bool) {
        #expect(PasswordPolicy.problems(password).isEmpty == ok)
    }

    @Test func prehashKeepsEveryByteThatMatters() {
        let long = String(repeating: "x", count: 100)
        #expect(PasswordPolicy.prehash(long + "1") != PasswordPolicy.prehash(long + "2"))
        #expect(PasswordPolicy.prehash(long).utf8.count < 72)
        // The same password typed in composed or decomposed form hashes alike.
        #expect(PasswordPolicy.prehash("caf\u{00E9}-password-1") == PasswordPolicy.prehash("cafe\u{0301}-password-1"))
    }

    @Test func oneTimePasswordsAreLongAndReadable() {
        let password = OneTimePassword.make(using: .system)
        #expect(password.count == 23)
        #expect(PasswordPolicy.problems(password).isEmpty)
        #expect(!password.contains("l") && !password.contains("0") && !password.contains("1"))
        // A seeded source gives the same password every time, and another seed another one.
        #expect(OneTimePassword.make(using: .seeded(7)) == OneTimePassword.make(using: .seeded(7)))
        #expect(OneTimePassword.make(using: .seeded(7)) != OneTimePassword.make(using: .seeded(8)))
    }
}

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle()

    @Test(arguments: [
        (SignInThrottle.Counts(pair: 0, address: 0, account: 0), SignInThrottle.Decision.attempt(delaySeconds: 0)),
        (.init(pair: 4, address: 4, account: 4), .attempt(delaySeconds: 0)),
        (.init(pair: 5, address: 5, account: 5), .refuse(retryAfterSeconds: 900)),
        (.init(pair: 0, address: 30, account: 0), .refuse(retryAfterSeconds: 900)),
        (.init(pair: 0, address: 0, account: 5), .attempt(delaySeconds: 0.25)),
        (.init(pair: 0, address: 0, account: 7), .attempt(delaySeconds: 1)),
        (.init(pair: 0, address: 0, account: 500), .attempt(delaySeconds: 8)),
    ])
    func decides(counts: SignInThrottle.Counts, expected: SignInThrottle.Decision) {
        #expect(throttle.decide(counts) == expected)
    }

    @Test func anAttackOnAnAccountFromElsewhereNeverLocksItsOwnerOut() {
        // Thousands of failures from other addresses; none from the owner's.
        let decision = throttle.decide(.init(pair: 0, address: 0, account: 10_000))
        guard case .attempt(let delay) = decision else {
            Issue.record("the owner must still be allowed to try")
            return
        }
        #expect(delay <= throttle.maxDelaySeconds)
    }
}

@Suite struct AccessPolicyTests {
    static let programA = UUID(), programB = UUID()
    static let admin = Actor(accountID: UUID(), platformRole: .admin, programRoles: [:])
    static let managerA = Actor(accountID: UUID(), platformRole: .member, programRoles: [programA: [.manager]])
    static let reviewerA = Actor(accountID: UUID(), platformRole: .member, programRoles: [programA: [.reviewer]])
    static let nobody = Actor(accountID: UUID(), platformRole: .member, programRoles: [:])

    @Test(arguments: [
        (admin, StaffAction.manageOrganisations, true), (admin, .manageAccounts, true), (admin, .createProgram, true),
        (admin, .editProgram(programB), true), (admin, .deleteProgram, true),
        (managerA, .editProgram(programA), true), (managerA, .viewStaffProgram(programA), true),
        (managerA, .editProgram(programB), false), (managerA, .manageOrganisations, false),
        (managerA, .manageAccounts, false), (managerA, .createProgram, false), (managerA, .deleteProgram, false),
        (managerA, .assignProgramRoles, false),
        (reviewerA, .editProgram(programA), false), (reviewerA, .viewStaffProgram(programA), false),
        (nobody, .viewStaffProgram(programA), false), (nobody, .manageOrganisations, false),
    ])
    func grantsOnlyWhatTheRoleAllows(actor: Actor, action: StaffAction, allowed: Bool) {
        #expect(AccessPolicy.allows(actor, action) == allowed)
    }

    @Test func deniesEverythingToNobody() {
        for action in [StaffAction.manageOrganisations, .manageAccounts, .createProgram, .editProgram(Self.programA)] {
            #expect(!AccessPolicy.allows(nil, action))
        }
    }

    @Test func scopesVisiblePrograms() {
        #expect(AccessPolicy.visibleProgramIDs(Self.admin) == nil)
        #expect(AccessPolicy.visibleProgramIDs(Self.managerA) == [Self.programA])
        #expect(AccessPolicy.visibleProgramIDs(Self.reviewerA) == [])
        #expect(AccessPolicy.isStaff(Self.managerA))
        // A reviewer reaches the staff area's front page for their reviews, but no program in it.
        #expect(AccessPolicy.isStaff(Self.reviewerA))
        #expect(AccessPolicy.reviewedProgramIDs(Self.reviewerA) == [Self.programA])
        #expect(AccessPolicy.reviewedProgramIDs(Self.managerA).isEmpty)
        #expect(AccessPolicy.reviews(Self.reviewerA, programID: Self.programA) && !AccessPolicy.reviews(Self.managerA, programID: Self.programA))
        for action in [StaffAction.viewApplications(Self.programA), .manageReview(Self.programA), .runSelection(Self.programA)] {
            #expect(!AccessPolicy.allows(Self.reviewerA, action))
            #expect(AccessPolicy.allows(Self.managerA, action))
        }
    }
}

@Suite struct DatabaseLocationTests {
    @Test(arguments: [
        ("sqlite:cohort-data/cohort.sqlite", DatabaseLocation.sqliteFile(path: "cohort-data/cohort.sqlite")),
        ("sqlite::memory:", .sqliteMemory),
        ("postgres://u:p@localhost:5432/cohort", .postgres(url: "postgres://u:p@localhost:5432/cohort")),
        ("postgresql://u@db/cohort", .postgres(url: "postgresql://u@db/cohort")),
    ])
    func parses(text: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(parsing: text) == expected)
    }

    @Test(arguments: ["", "mysql://x/y", "sqlite:", "postgres://", "postgres://host-only"])
    func refuses(text: String) {
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation(parsing: text) }
    }

    @Test func neverPrintsThePassword() throws {
        let location = try DatabaseLocation(parsing: "postgres://cohort:s3cret@db:5432/cohort")
        #expect(!location.description.contains("s3cret"))
        #expect(location.description.contains("db:5432"))
    }
}
