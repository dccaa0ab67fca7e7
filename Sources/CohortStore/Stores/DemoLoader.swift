import CohortCore
import FluentKit
import Foundation

/// Loads `DemoCatalog` into an empty database, all in one transaction.
public struct DemoLoader: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    public enum LoadError: Error, CustomStringConvertible {
        case notEmpty(programs: Int)

        public var description: String {
            switch self {
            case .notEmpty(let count):
                "the database already holds \(count) program\(count == 1 ? "" : "s"); demo data is only loaded into an empty database"
            }
        }
    }

    public func isEmpty() async throws -> Bool {
        try await ProgramRecord.query(on: db.fluent).count() == 0
    }

    /// - Parameter hashPassword: turns a demo password into the stored hash.
    public func load(now: Date, hashPassword: @Sendable (String) throws -> String) async throws {
        let hashes = try DemoCatalog.accounts.map { try hashPassword($0.password) }
        try await db.modelTransaction { tx in
            let programs = try await ProgramRecord.query(on: tx).count()
            guard programs == 0 else { throw LoadError.notEmpty(programs: programs) }
            var organisationIDs: [String: UUID] = [:]
            for entry in DemoCatalog.organisations {
                let organisation = Organisation(id: UUID(), name: entry.name, acronym: entry.acronym,
                                                country: Country(code: entry.country), kind: entry.kind)
                try await OrganisationRecord(organisation).create(on: tx)
                organisationIDs[entry.key] = organisation.id
            }
            var programIDs: [String: UUID] = [:]
            var reviewers: [String: [UUID]] = [:]
            for entry in DemoCatalog.programs {
                programIDs[entry.slug] = try await loadProgram(entry, organisationIDs: organisationIDs, on: tx)
            }
            for (entry, hash) in zip(DemoCatalog.accounts, hashes) {
                let account = AccountRecord(id: UUID(), email: entry.email, name: entry.name, passwordHash: hash,
                                            platformRole: entry.role)
                try await account.create(on: tx)
                for slug in entry.manages {
                    guard let programID = programIDs[slug] else { continue }
                    try await ProgramMembershipRecord(programID: programID, accountID: account.id!, role: .manager).create(on: tx)
                }
                for slug in entry.reviews {
                    guard let programID = programIDs[slug] else { continue }
                    try await ProgramMembershipRecord(programID: programID, accountID: account.id!, role: .reviewer).create(on: tx)
                    reviewers[slug, default: []].append(account.id!)
                }
            }
            for entry in DemoCatalog.calls(now: now) {
                guard let programID = programIDs[entry.programSlug] else { continue }
                let loaded = try await loadCall(entry, programID: programID, now: now, on: tx)
                if let callReviewers = reviewers[entry.programSlug], !loaded.applications.isEmpty {
                    try await loadSampleReviews(callID: loaded.callID, applications: loaded.applications, reviewers: callReviewers, now: now, on: tx)
                }
            }
            try await ContentVersionStore.bump(on: tx)
        }
    }

    /// The closed call's rubric (blind review), both demo reviewers on every application, and their sample reviews.
    private func loadSampleReviews(callID: UUID, applications: [(id: UUID, reference: String)], reviewers: [UUID], now: Date,
                                   on tx: any Database) async throws {
        let rubric = try JSONText.encode(DemoCatalog.sampleRubric)
        try await db.statements(in: tx) { sql in
            try sql.run("UPDATE calls SET rubric = \(bind: rubric), blind_review = \(bind: true) WHERE id = \(bind: callID)")
        }
        for application in applications {
            for (index, reviewer) in reviewers.enumerated() {
                let pair = ReviewAssignment.Pair(applicationID: application.id, reviewerID: reviewer)
                try await ReviewAssignmentRecord(callID: callID, pair: pair, assignedBy: nil, now: now).create(on: tx)
                let review = ReviewRecord()
                review.id = UUID()
                review.callID = callID
                review.applicationID = application.id
                review.reviewerID = reviewer
                review.scores = try JSONText.encode(DemoCatalog.sampleScores(reference: application.reference, reviewer: index))
                review.comment = DemoCatalog.sampleComment
                review.recommendation = Review.Recommendation.maybe.rawValue
                review.submittedAt = now
                review.updatedAt = now
                try await review.create(on: tx)
            }
        }
    }

    /// Returns the call's id and its applications' ids and references.
    private func loadCall(_ entry: DemoCatalog.CallEntry, programID: UUID, now: Date, on tx: any Database) async throws
        -> (callID: UUID, applications: [(id: UUID, reference: String)]) {
        let call = entry.call(UUID(), programID)
        let record = try CallRecord(call, eligibility: entry.rules, formVersion: entry.form.version)
        record.lastReferenceNumber = entry.applications.count
        try await record.create(on: tx)
        try await CallFormRecord(callID: call.id, form: entry.form).create(on: tx)
        var loaded: [(id: UUID, reference: String)] = []
        for (index, application) in entry.applications.enumerated() {
            let submitted = call.closesAt.addingTimeInterval(-Double(entry.applications.count - index) * 3600)
            let row = ApplicationRecord()
            row.id = UUID()
            row.callID = call.id
            row.email = application.email
            row.language = Language.english.rawValue
            row.formVersion = entry.form.version
            row.status = ApplicationStatus.submitted.rawValue
            row.reference = ReferenceCode.make(prefix: call.referencePrefix, number: index + 1)
            try row.setAnswers(application.answers, rules: entry.rules)
            row.submittedAt = submitted
            row.createdAt = submitted
            row.updatedAt = submitted
            try await row.create(on: tx)
            loaded.append((row.id!, row.reference!))
        }
        return (call.id, loaded)
    }

    private func loadProgram(_ entry: DemoCatalog.ProgramEntry, organisationIDs: [String: UUID],
                             on tx: any Database) async throws -> UUID {
        let program = Program(id: UUID(), slug: entry.slug, title: entry.title, theme: entry.theme,
                              hostCountry: Country(code: entry.hostCountry)!, startDate: CalendarDate(iso: entry.start)!,
                              endDate: CalendarDate(iso: entry.end)!, summary: entry.summary,
                              description: entry.description, status: entry.status,
                              leadOrganisationID: organisationIDs[entry.leadKey], isSample: true)
        try await ProgramRecord(program).create(on: tx)
        for partner in entry.partners {
            guard let organisationID = organisationIDs[partner.organisationKey] else { continue }
            try await PartnershipRecord(programID: program.id, organisationID: organisationID, role: partner.role,
                                        description: partner.description).create(on: tx)
        }
        for module in entry.modules {
            try await ModuleRecord(ProgramModule(
                id: UUID(), programID: program.id, number: module.number, title: module.title,
                startDate: CalendarDate(iso: module.start)!, endDate: CalendarDate(iso: module.end)!, city: module.city,
                country: Country(code: module.country), format: .inPerson, isIllustrative: module.isIllustrative
            )).create(on: tx)
        }
        for country in entry.countries {
            try await ProgramCountryRecord(ProgramCountry(programID: program.id, country: Country(code: country.code)!,
                                                          role: country.role, displayName: country.displayName)).create(on: tx)
        }
        for participant in entry.participants {
            let person = Person(id: UUID(), fullName: participant.name, country: Country(code: participant.country)!,
                                organisationID: nil, sector: participant.sector, position: participant.position, isSample: true)
            try await PersonRecord(person).create(on: tx)
            try await EnrolmentRecord(Enrolment(programID: program.id, personID: person.id, role: .participant)).create(on: tx)
        }
        return program.id
    }
}
