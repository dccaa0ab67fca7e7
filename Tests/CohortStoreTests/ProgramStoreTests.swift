import CohortCore
import CohortStore
import CohortTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct ProgramStoreTests {
    @Test(arguments: TestDatabaseKind.all)
    func roundTripsAProgramWithItsParts(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let organisations = OrganisationStore(db: harness.persistence)
            let lead = StoreFixtures.organisation("Diplomacy Training Program")
            let partner = StoreFixtures.organisation("Migrant Forum in Asia")
            try await organisations.create(lead, now: Date())
            try await organisations.create(partner, now: Date())
            let program = StoreFixtures.program(lead: lead.id)
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            let parts = ProgramPartsStore(db: harness.persistence)
            try await parts.addPartner(programID: program.id, organisationID: lead.id, role: .lead, description: "")
            try await parts.addPartner(programID: program.id, organisationID: partner.id, role: .partner, description: "Regional network")
            let module = ProgramModule(id: UUID(), programID: program.id, number: 1, title: "Standards",
                                       startDate: program.startDate, endDate: program.startDate, city: "Kuala Lumpur",
                                       country: Country(code: "MY"), format: .inPerson, isIllustrative: true)
            try await parts.saveModule(module)
            try await parts.addCountry(ProgramCountry(programID: program.id, country: Country(code: "MM")!, role: .origin, displayName: "Burma"))

            let detail = try #require(try await ProgramStore(db: harness.persistence).detail(slug: program.slug))
            #expect(detail.program == program)
            #expect(detail.partnerships.map(\.organisation.name) == ["Diplomacy Training Program", "Migrant Forum in Asia"])
            #expect(detail.partnerships[1].description == "Regional network")
            #expect(detail.modules == [module])
            #expect(detail.countries.map(\.name) == ["Burma"])
            #expect(detail.lead?.organisation.id == lead.id)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func keepsSlugsUniqueAndDraftsPrivate(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = ProgramStore(db: harness.persistence)
            try await store.create(StoreFixtures.program(slug: "one"), now: Date())
            try await store.create(StoreFixtures.program(slug: "draft", status: .draft), now: Date())
            await #expect(throws: FieldRefusal(.addressInUse(slug: "one"))) { try await store.create(StoreFixtures.program(slug: "one"), now: Date()) }
            #expect(try await store.publicPrograms().map(\.slug) == ["one"])
            let all = try await store.page(ListRequest(sort: "title", direction: nil, page: nil, default: .title), visible: nil)
            #expect(all.total == 2)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func deletingAProgramTakesItsPartsWithIt(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let organisation = StoreFixtures.organisation()
            try await OrganisationStore(db: harness.persistence).create(organisation, now: Date())
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            try await ProgramPartsStore(db: harness.persistence).addPartner(programID: program.id, organisationID: organisation.id, role: .partner, description: "")
            // An organisation that is a partner cannot be deleted...
            await #expect(throws: DomainError.self) { try await OrganisationStore(db: harness.persistence).delete(organisation.id) }
            try await ProgramStore(db: harness.persistence).delete(program.id)
            #expect(try await ProgramStore(db: harness.persistence).detail(slug: program.slug) == nil)
            // ...but once its program is gone, it can.
            try await OrganisationStore(db: harness.persistence).delete(organisation.id)
            #expect(try await OrganisationStore(db: harness.persistence).find(organisation.id) == nil)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func aProgramOrOrganisationThatCannotBeReadBackIsAnErrorNotADefault(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let organisation = StoreFixtures.organisation()
            try await OrganisationStore(db: harness.persistence).create(organisation, now: Date())
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            try await ProgramPartsStore(db: harness.persistence).addPartner(programID: program.id, organisationID: organisation.id, role: .lead, description: "")
            // An unreadable country was dropped in silence before: the partner then showed as from nowhere.
            try await harness.persistence.write { sql in try sql.run("UPDATE organisations SET country = 'Atlantis' WHERE id = \(bind: organisation.id)") }
            await #expect(throws: StoreError.corrupt(table: "organisations", column: "country")) {
                try await OrganisationStore(db: harness.persistence).find(organisation.id)
            }
            await #expect(throws: StoreError.corrupt(table: "organisations", column: "country")) {
                try await ProgramStore(db: harness.persistence).detail(slug: program.slug)
            }
            try await harness.persistence.write { sql in try sql.run("UPDATE programs SET start_date = '14 August' WHERE id = \(bind: program.id)") }
            await #expect(throws: StoreError.corrupt(table: "programs", column: "start_date")) {
                try await ProgramStore(db: harness.persistence).findByID(program.id)
            }
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func everyPublicChangeBumpsTheContentVersion(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let versions = ContentVersionStore(db: harness.persistence)
            let start = try await versions.current()
            let program = StoreFixtures.program()
            try await ProgramStore(db: harness.persistence).create(program, now: Date())
            let afterCreate = try await versions.current()
            #expect(afterCreate > start)
            var changed = program
            changed.title = "Renamed"
            try await ProgramStore(db: harness.persistence).update(changed, now: Date())
            #expect(try await versions.current() > afterCreate)
        }
    }

    @Test(arguments: TestDatabaseKind.all)
    func pagesAndSortsOrganisations(kind: TestDatabaseKind) async throws {
        try await StoreHarness.with(kind) { harness in
            let store = OrganisationStore(db: harness.persistence)
            for index in 0..<30 { try await store.create(StoreFixtures.organisation(String(format: "Org %02d", index)), now: Date()) }
            let first = try await store.page(ListRequest(sort: "name", direction: "desc", page: "1", default: .name, pageSize: 25))
            #expect(first.total == 30)
            #expect(first.items.count == 25)
            #expect(first.items.first?.name == "Org 29")
            let second = try await store.page(ListRequest(sort: "name", direction: "desc", page: "2", default: .name, pageSize: 25))
            #expect(second.items.map(\.name) == ["Org 04", "Org 03", "Org 02", "Org 01", "Org 00"])
        }
    }
}
