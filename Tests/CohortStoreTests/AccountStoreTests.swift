import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct AccountStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func createsAccountsWithUniqueEmailsAndProgramRoles(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = AccountStore(db: harness.persistence)
            let account = try await store.create(email: "ana@example.org", name: "Ana", passwordHash: "hash", role: .member, now: Date())
            await #expect(throws: FieldRefusal(.emailInUse)) {
                _ = try await store.create(email: "ana@example.org", name: "Other", passwordHash: "hash", role: .member, now: Date())
            }
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            try await store.addMember(programID: program.id, accountID: account.id, role: .manager)
            await #expect(throws: FieldRefusal(.roleAlreadyHeld)) {
                try await store.addMember(programID: program.id, accountID: account.id, role: .manager)
            }
            await #expect(throws: FieldRefusal(.accountNotListed)) {
                try await store.addMember(programID: program.id, accountID: UUID(), role: .manager)
            }
            let actor = try await store.actor(account)
            #expect(actor.programRoles[program.id] == [.manager])
            #expect(AccessPolicy.allows(actor, .editProgram(program.id)))
            let members = try await store.members(programID: program.id)
            #expect(members.map(\.account.email) == ["ana@example.org"])
            // A role that cannot be read is an error, never a role dropped in silence (which would hide who may do what).
            try await harness.persistence.write { sql in
                try sql.run("UPDATE program_memberships SET role = 'overlord' WHERE account_id = \(bind: account.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "program_memberships", column: "role")) { try await store.actor(account) }
            await #expect(throws: StoreError.corrupt(table: "program_memberships", column: "role")) { try await store.members(programID: program.id) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE program_memberships SET role = 'manager' WHERE account_id = \(bind: account.id)")
            }
            try await store.removeMember(programID: program.id, membershipID: members[0].membershipID)
            #expect(try await store.actor(account).programRoles.isEmpty)
            #expect(try await store.credentials(email: "ana@example.org")?.passwordHash == "hash")
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func sessionsEndWithDeactivationAndPasswordChange(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let accounts = AccountStore(db: harness.persistence)
            let sessions = AuthSessionStore(db: harness.persistence)
            let account = try await accounts.create(email: "b@example.org", name: "B", passwordHash: "h", role: .member, now: Date())
            try await sessions.create(tokenHash: "t1", accountID: account.id, now: Date())
            #expect(try await sessions.signedIn(tokenHash: "t1")?.session.accountID == account.id)
            try await accounts.setPassword(id: account.id, passwordHash: "h2", now: Date())
            #expect(try await sessions.signedIn(tokenHash: "t1") == nil)
            try await sessions.create(tokenHash: "t2", accountID: account.id, now: Date())
            try await accounts.update(id: account.id, name: "B", role: .member, isActive: false, now: Date())
            #expect(try await sessions.signedIn(tokenHash: "t2") == nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func purgesExpiredSessions(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let accounts = AccountStore(db: harness.persistence)
            let sessions = AuthSessionStore(db: harness.persistence)
            let account = try await accounts.create(email: "c@example.org", name: "C", passwordHash: "h", role: .member, now: Date())
            let now = Date()
            try await sessions.create(tokenHash: "old", accountID: account.id, now: now.addingTimeInterval(-7200))
            try await sessions.create(tokenHash: "new", accountID: account.id, now: now)
            try await sessions.purge(idleBefore: now.addingTimeInterval(-3600), createdBefore: now.addingTimeInterval(-43200))
            #expect(try await sessions.signedIn(tokenHash: "old") == nil)
            #expect(try await sessions.signedIn(tokenHash: "new") != nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func countsSignInFailuresInTheWindow(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let failures = SignInFailureStore(db: harness.persistence)
            let now = Date()
            for _ in 0..<3 { try await failures.record(accountKey: "acct", addressKey: "addr1", at: now) }
            try await failures.record(accountKey: "acct", addressKey: "addr2", at: now)
            try await failures.record(accountKey: "other", addressKey: "addr1", at: now)
            try await failures.record(accountKey: "acct", addressKey: "addr1", at: now.addingTimeInterval(-3600))
            let counts = try await failures.counts(accountKey: "acct", addressKey: "addr1", since: now.addingTimeInterval(-900))
            #expect(counts == SignInThrottle.Counts(pair: 3, address: 4, account: 4))
            try await failures.clear(accountKey: "acct", addressKey: "addr1")
            let after = try await failures.counts(accountKey: "acct", addressKey: "addr1", since: now.addingTimeInterval(-900))
            #expect(after == SignInThrottle.Counts(pair: 0, address: 1, account: 1))
        }
    }
}
