import CohortCore
import Foundation

enum StoreFixtures {
    static func program(slug: String = "mwp-test", status: ProgramStatus = .open, lead: UUID? = nil) -> Program {
        Program(id: UUID(), slug: slug, title: "Test Program \(slug)", theme: "Migrant workers' rights",
                hostCountry: Country(code: "MY")!, startDate: CalendarDate(iso: "2017-08-14")!,
                endDate: CalendarDate(iso: "2018-09-14")!, summary: "A test.", description: "First.\n\nSecond.",
                status: status, leadOrganisationID: lead)
    }

    static func organisation(_ name: String = "Migrant Forum in Asia") -> Organisation {
        Organisation(id: UUID(), name: name, acronym: "MFA", country: Country(code: "PH"), kind: .network)
    }
}
