import CohortStore
import CohortTestSupport
import FluentKit
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabaseKind.all)
    func migrateRevertMigrate(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            try await ProgramStore(db: harness.persistence).create(StoreFixtures.program())
            try await harness.migrator.revertAllBatches().get()
            try await harness.migrator.prepareBatch().get()
            // A clean schema again: the program is gone and the tables take new rows.
            #expect(try await ProgramStore(db: harness.persistence).publicPrograms().isEmpty)
            try await ProgramStore(db: harness.persistence).create(StoreFixtures.program())
            #expect(try await ProgramStore(db: harness.persistence).publicPrograms().count == 1)
        }
    }

    @Test func migrationNamesArePinnedAndUnique() {
        let names = CohortMigrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.first?.isNumber == true })
    }
}
