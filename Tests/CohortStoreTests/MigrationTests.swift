import CohortStore
import CohortTestSupport
import FluentKit
import Foundation
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabaseKind.all)
    func migrateRevertMigrate(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            try await ProgramStore(db: harness.persistence).create(StoreFixtures.program(), now: Date())
            try await harness.migrator.revertAllBatches().get()
            try await harness.migrator.prepareBatch().get()
            // A clean schema again: the program is gone and the tables take new rows.
            #expect(try await ProgramStore(db: harness.persistence).publicPrograms().isEmpty)
            try await ProgramStore(db: harness.persistence).create(StoreFixtures.program(), now: Date())
            #expect(try await ProgramStore(db: harness.persistence).publicPrograms().count == 1)
        }
    }

    @Test func migrationNamesArePinnedAndUnique() {
        let names = CohortMigrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.first?.isNumber == true })
    }

    /// Each migration lives in a file named like it (`Migrations/014_AddLinkExpiryAndStartAttempts.swift`),
    /// and they run in the order of their numbers.
    @Test func migrationsAreNumberedInOrderAndFiledByTheirNames() throws {
        let names = CohortMigrations.all.map(\.name)
        #expect(names == names.sorted())
        #expect(names.enumerated().allSatisfy { index, name in name.hasPrefix(String(format: "%03d_", index + 1)) })
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CohortStore/Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.first?.isNumber == true }
        #expect(files.sorted() == names.map { $0 + ".swift" })
    }
}
