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
                programIDs[entry.slug] = try await loadProgram(entry, organisationIDs: organisationIDs, now: now, on: tx)
            }
            for (entry, hash) in zip(DemoCatalog.accounts, hashes) {
                let account = Account(id: UUID(), email: entry.email, name: entry.name, platformRole: entry.role)
                let manages = entry.manages.compactMap { programIDs[$0] }
                let reviews = entry.reviews.compactMap { slug in programIDs[slug].map { (slug, $0) } }
                try await db.statements(in: tx) { sql in
                    try AccountSQL.insert(account, passwordHash: hash, now: now, on: sql)
                    for programID in manages { try AccountSQL.addMembership(programID: programID, accountID: account.id, role: .manager, on: sql) }
                    for (_, programID) in reviews { try AccountSQL.addMembership(programID: programID, accountID: account.id, role: .reviewer, on: sql) }
                }
                for (slug, _) in reviews { reviewers[slug, default: []].append(account.id) }
            }
            for entry in DemoCatalog.calls(now: now) {
                guard let programID = programIDs[entry.programSlug] else { continue }
                let loaded = try await loadCall(entry, programID: programID, now: now, on: tx)
                if let callReviewers = reviewers[entry.programSlug], !loaded.applications.isEmpty {
                    try await loadSampleReviews(callID: loaded.callID, applications: loaded.applications, reviewers: callReviewers, now: now, on: tx)
                }
            }
            try await db.statements(in: tx) { sql in try ContentVersionStore.bump(on: sql) }
        }
    }

    /// The closed call's rubric (blind review), both demo reviewers on every application, and their sample reviews.
    private func loadSampleReviews(callID: UUID, applications: [(id: UUID, reference: String)], reviewers: [UUID], now: Date,
                                   on tx: any Database) async throws {
        let rubric = try JSONText.encode(DemoCatalog.sampleRubric)
        try await db.statements(in: tx) { sql in
            try sql.run("UPDATE calls SET rubric = \(bind: rubric), blind_review = \(bind: true) WHERE id = \(bind: callID)")
        }
        try await db.statements(in: tx) { sql in
            for application in applications {
                for (index, reviewer) in reviewers.enumerated() {
                    let pair = ReviewAssignment.Pair(applicationID: application.id, reviewerID: reviewer)
                    try ReviewSQL.insertAssignment(pair, callID: callID, assignedBy: nil, now: now, on: sql)
                    let scores = DemoCatalog.sampleScores(reference: application.reference, reviewer: index)
                    let review = Review(reviewerID: reviewer, applicationID: application.id, scores: scores,
                                        comment: DemoCatalog.sampleComment, recommendation: .maybe)
                    try ReviewSQL.upsert(review, scores: scores, callID: callID, now: now, on: sql)
                }
            }
        }
    }

    /// Returns the call's id and its applications' ids and references.
    private func loadCall(_ entry: DemoCatalog.CallEntry, programID: UUID, now: Date, on tx: any Database) async throws
        -> (callID: UUID, applications: [(id: UUID, reference: String)]) {
        let call = entry.call(UUID(), programID)
        try await db.statements(in: tx) { sql in
            try CallSQL.insert(call, rules: entry.rules, formVersion: entry.form.version, lastReferenceNumber: entry.applications.count,
                               now: now, on: sql)
            try CallSQL.insertForm(entry.form, callID: call.id, now: now, on: sql)
        }
        var loaded: [(id: UUID, reference: String)] = []
        for (index, application) in entry.applications.enumerated() {
            let submitted = call.closesAt.addingTimeInterval(-Double(entry.applications.count - index) * 3600)
            let reference = ReferenceCode.make(prefix: call.referencePrefix, number: index + 1)
            let row = CallApplication(id: UUID(), callID: call.id, email: application.email, language: .english,
                                      formVersion: entry.form.version, answers: application.answers, status: .submitted,
                                      reference: reference, submittedAt: submitted, createdAt: submitted, updatedAt: submitted)
            try await db.statements(in: tx) { sql in try ApplicationSQL.insert(row, rules: entry.rules, on: sql) }
            loaded.append((row.id, reference))
        }
        return (call.id, loaded)
    }

    private func loadProgram(_ entry: DemoCatalog.ProgramEntry, organisationIDs: [String: UUID], now: Date,
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
            try await db.statements(in: tx) { sql in
                try PeopleSQL.insert(person, now: now, on: sql)
                try PeopleSQL.enrol(Enrolment(programID: program.id, personID: person.id, role: .participant), on: sql)
            }
        }
        return program.id
    }
}
