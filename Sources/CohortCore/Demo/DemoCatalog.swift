import Foundation

/// The demo data, as plain values. Facts stated by the seed text are kept exactly
/// (titles, partners, the 2006 dates, venue and countries); everything the seed does
/// not state is invented, and flagged as sample or illustrative so pages can say so.
public enum DemoCatalog {
    public struct OrganisationEntry: Sendable {
        public let key: String
        public let name: String
        public let acronym: String?
        public let country: String
        public let kind: OrganisationKind
    }

    public struct PartnerEntry: Sendable {
        public let organisationKey: String
        public let role: PartnerRole
        public let description: String
    }

    public struct ModuleEntry: Sendable {
        public let number: Int
        public let title: String
        public let start: String
        public let end: String
        public let city: String
        public let country: String
        public let isIllustrative: Bool

        /// Every demo venue is in Malaysia.
        public var timeZone: String { country == "MY" ? "Asia/Kuala_Lumpur" : "UTC" }
    }

    public struct CountryEntry: Sendable {
        public let code: String
        public let role: CountryRole
        public let displayName: String?
    }

    /// The address of the 2006 workshop's `index`-th participant (from 0): the one their
    /// application was made with, and the one they sign in with.
    public static func participantEmail(_ index: Int) -> String {
        String(format: "participant%02d@demo.cohort.example", index + 1)
    }

    /// A facilitator's address, by their key in the agenda's list of speakers.
    public static func facilitatorEmail(key: String) -> String { "facilitator-\(key)@demo.cohort.example" }

    public struct ParticipantEntry: Sendable {
        public let name: String
        public let country: String
        public let sector: OrganisationKind
        public let position: String
    }

    public struct ProgramEntry: Sendable {
        public let slug: String
        public let title: String
        public let theme: String
        public let hostCountry: String
        public let start: String
        public let end: String
        public let summary: String
        public let description: String
        public let status: ProgramStatus
        public let leadKey: String
        public let partners: [PartnerEntry]
        public let modules: [ModuleEntry]
        public let countries: [CountryEntry]
        public let participants: [ParticipantEntry]
    }

    public struct AccountEntry: Sendable {
        public let email: String
        public let name: String
        public let password: String
        public let role: PlatformRole
        /// Programs (by slug) this account manages.
        public let manages: [String]
        /// Programs (by slug) this account reviews for.
        public var reviews: [String] = []

        public var roleLabel: String {
            role == .admin ? "administrator" : !manages.isEmpty ? "program manager" : "reviewer"
        }
    }

    public static let organisations: [OrganisationEntry] = [
        .init(key: "dtp", name: "Diplomacy Training Program", acronym: "DTP", country: "AU", kind: .ngo),
        .init(key: "mfa", name: "Migrant Forum in Asia", acronym: "MFA", country: "PH", kind: .network),
        .init(key: "bar", name: "Bar Council Malaysia", acronym: nil, country: "MY", kind: .barAssociation),
        .init(key: "nsi", name: "North South Initiative", acronym: "NSI", country: "MY", kind: .ngo),
        .init(key: "mwg", name: "Migration Working Group", acronym: "MWG", country: "MY", kind: .network),
    ]

    /// Demo sign-ins. Fixed so that the README can name them; they exist only in a
    /// database loaded with `--demo` or `cohort demo`.
    public static let accounts: [AccountEntry] = [
        .init(email: "admin@demo.cohort.example", name: "Demo Administrator", password: "demo-admin-password",
              role: .admin, manages: []),
        .init(email: "manager@demo.cohort.example", name: "Demo Program Manager", password: "demo-manager-password",
              role: .member, manages: [program2017.slug, nextEditionSlug]),
        .init(email: "reviewer@demo.cohort.example", name: "Demo Reviewer", password: "demo-reviewer-password",
              role: .member, manages: [], reviews: [program2006.slug, program2017.slug]),
        .init(email: "reviewer2@demo.cohort.example", name: "Second Demo Reviewer", password: "demo-reviewer2-password",
              role: .member, manages: [], reviews: [program2006.slug, program2017.slug]),
    ]

    public static func programs(now: Date) -> [ProgramEntry] { [program2006, program2017, nextEdition(now: now)] }
}
