import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct CallStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func aCallIsSavedAtTheGivenTimeAndListedByItsDates(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            let calls = CallStore(db: harness.persistence)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let open = StoreFixtures.call(programID: program.id, opensAt: now.addingTimeInterval(-3600), closesAt: now.addingTimeInterval(7200))
            var later = StoreFixtures.call(programID: program.id, opensAt: now.addingTimeInterval(3600), closesAt: now.addingTimeInterval(3 * 86_400))
            later.isPublished = false
            try await calls.create(later, rules: EligibilityRules(), form: StoreFixtures.form, now: now)
            try await calls.create(open, rules: EligibilityRules(), form: StoreFixtures.form, now: now)
            #expect(try await calls.calls(programID: program.id).map(\.id) == [open.id, later.id])
            #expect(try await calls.openCalls(at: now).map(\.id) == [open.id])
            #expect(try await calls.publicCalls(notClosedAt: now).map(\.id) == [open.id])
            later.isPublished = true
            try await calls.update(later, rules: EligibilityRules(), now: now.addingTimeInterval(60))
            #expect(try await calls.publicCalls(notClosedAt: now).map(\.id) == [open.id, later.id])
            // Past the first deadline only the later call is open.
            #expect(try await calls.openCalls(at: now.addingTimeInterval(2 * 3600 + 1)).map(\.id) == [later.id])
            // Two editors: the second, working on the version the first replaced, is refused.
            let v2 = try await calls.publishForm(callID: later.id, sections: StoreFixtures.form.sections, expectedVersion: 1, now: now)
            let reloaded = try await calls.load(later.id)
            #expect(v2.version == 2 && reloaded?.form.version == 2)
            await #expect(throws: DomainError.self) {
                try await calls.publishForm(callID: later.id, sections: [ProfileSection.section], expectedVersion: 1, now: now)
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aCallThatCannotBeReadBackIsAnErrorNotADefault(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let call = try await StoreFixtures.openCall(harness.persistence)
            let calls = CallStore(db: harness.persistence)
            // A language Cohort does not know was dropped in silence before: the call then offered fewer languages than it had.
            try await harness.persistence.write { sql in
                try sql.run("UPDATE calls SET languages = 'en,xx', updated_at = \(bind: Date()) WHERE id = \(bind: call.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "calls", column: "languages")) { try await calls.calls(programID: call.programID) }
            try await harness.persistence.write { sql in
                try sql.run("UPDATE calls SET languages = 'en', title = 'not json', updated_at = \(bind: Date()) WHERE id = \(bind: call.id)")
            }
            await #expect(throws: StoreError.corrupt(table: "calls", column: "title")) { try await calls.load(call.id) }
        }
    }
}
