import CohortCore
import CohortStore
import FluentKit
import Foundation

enum StoreFixtures {
    /// A starter of its own for each start, so the start limit never counts tests' starts together.
    static var starter: ApplicationStore.Starter { .init(addressKey: "address-\(UUID())", clientKey: "client-\(UUID())") }

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

extension StoreFixtures {
    static let form = FormDefinition(version: 1, sections: [
        ProfileSection.section,
        FormSection(key: "motivation", title: .init(english: "Your work"), questions: [
            Question(key: "motivation", type: .longText, label: .init(english: "Why do you want to take part?"), required: true, wordLimit: 300),
        ]),
    ])

    static func call(programID: UUID, opensAt: Date = Date().addingTimeInterval(-3600), closesAt: Date = Date().addingTimeInterval(86_400)) -> Call {
        Call(id: UUID(), programID: programID, title: .init(english: "Call for applications"), description: .init(english: "Apply."),
             opensAt: opensAt, closesAt: closesAt, timeZone: "Asia/Kuala_Lumpur", languages: [.english, .malay],
             privacyNotice: .init(english: "We keep your data safe."), contactEmail: "program@example.org", isPublished: true,
             referencePrefix: "MWP2017")
    }

    /// A program with an open call, returning the call.
    static func openCall(_ db: Persistence, slug: String = "mwp-test") async throws -> Call {
        let program = program(slug: slug)
        try await ProgramStore(db: db).create(program, now: Date())
        let call = call(programID: program.id)
        try await CallStore(db: db).create(call, rules: EligibilityRules(), form: form, now: Date())
        return call
    }

    static func message(_ application: CallApplication, _ isNew: Bool) -> OutgoingMessage {
        OutgoingMessage(to: application.email, subject: isNew ? "Your application link" : "Your link again", body: "link")
    }
}
