import CohortCore
import Foundation
import SQLKit

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
        try await db.read { sql in try ProgramSQL.count(where: "1 = 1", on: sql) } == 0
    }

    /// - Parameter hashPassword: turns a demo password into the stored hash.
    public func load(now: Date, hashPassword: @Sendable (String) throws -> String) async throws {
        let hashes = try DemoCatalog.accounts.map { try hashPassword($0.password) }
        try await db.write { sql in
            let programs = try ProgramSQL.count(where: "1 = 1", on: sql)
            guard programs == 0 else { throw LoadError.notEmpty(programs: programs) }
            var organisationIDs: [String: UUID] = [:]
            for entry in DemoCatalog.organisations {
                let organisation = Organisation(id: UUID(), name: entry.name, acronym: entry.acronym,
                                                country: Country(code: entry.country), kind: entry.kind)
                try OrganisationSQL.insert(organisation, now: now, on: sql)
                organisationIDs[entry.key] = organisation.id
            }
            var programIDs: [String: UUID] = [:], modules: [String: [ProgramModule]] = [:]
            for entry in DemoCatalog.programs(now: now) {
                let loaded = try Self.loadProgram(entry, organisationIDs: organisationIDs, now: now, on: sql)
                programIDs[entry.slug] = loaded.id
                modules[entry.slug] = loaded.modules
            }
            var reviewers: [String: [UUID]] = [:], managers: [String: UUID] = [:]
            for (entry, hash) in zip(DemoCatalog.accounts, hashes) {
                let account = Account(id: UUID(), email: entry.email, name: entry.name, platformRole: entry.role)
                try AccountSQL.insert(account, passwordHash: hash, now: now, on: sql)
                for slug in entry.manages {
                    guard let programID = programIDs[slug] else { continue }
                    try AccountSQL.addMembership(programID: programID, accountID: account.id, role: .manager, on: sql)
                    managers[slug] = managers[slug] ?? account.id
                }
                for slug in entry.reviews {
                    guard let programID = programIDs[slug] else { continue }
                    try AccountSQL.addMembership(programID: programID, accountID: account.id, role: .reviewer, on: sql)
                    reviewers[slug, default: []].append(account.id)
                }
            }
            for entry in DemoCatalog.calls(now: now) {
                guard let programID = programIDs[entry.programSlug] else { continue }
                let loaded = try Self.loadCall(entry, programID: programID, now: now, on: sql)
                if let callReviewers = reviewers[entry.programSlug], !loaded.applications.isEmpty {
                    try Self.loadSampleReviews(callID: loaded.callID, applications: loaded.applications, reviewers: callReviewers,
                                               now: loaded.closesAt.addingTimeInterval(7 * 86_400), on: sql)
                }
                if entry.isSelected, let manager = managers[entry.programSlug] {
                    try Self.loadSelection(callID: loaded.callID, programID: programID, entry: entry, managerID: manager,
                                           closedAt: loaded.closesAt, on: sql)
                }
            }
            try Self.loadAgendas(programIDs: programIDs, modules: modules, now: now, on: sql)
            try Self.loadSurveys(programIDs: programIDs, modules: modules, now: now, on: sql)
            try ContentVersionStore.bump(on: sql)
        }
    }

    /// A closed call's rubric (blind review), both demo reviewers on every application that can be
    /// reviewed (the eligible ones), and their sample reviews.
    private static func loadSampleReviews(callID: UUID, applications: [(id: UUID, reference: String)], reviewers: [UUID], now: Date,
                                          on sql: any SyncSQL) throws {
        let rubric = try JSONText.encode(DemoCatalog.sampleRubric)
        try sql.run("UPDATE calls SET rubric = \(bind: rubric), blind_review = \(bind: true) WHERE id = \(bind: callID)")
        let reviewable = Set(try ReviewStore.reviewable(callID: callID, on: sql).map(\.id))
        for application in applications where reviewable.contains(application.id) {
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

    /// Returns the call's id, when it closed, and its applications' ids and references.
    private static func loadCall(_ entry: DemoCatalog.CallEntry, programID: UUID, now: Date, on sql: any SyncSQL) throws
        -> (callID: UUID, closesAt: Date, applications: [(id: UUID, reference: String)]) {
        let call = entry.call(UUID(), programID)
        try CallSQL.insert(call, rules: entry.rules, formVersion: entry.form.version, lastReferenceNumber: entry.applications.count,
                           now: now, on: sql)
        try CallSQL.insertForm(entry.form, callID: call.id, now: now, on: sql)
        var loaded: [(id: UUID, reference: String)] = []
        for (index, application) in entry.applications.enumerated() {
            // Spread over the call's last days, one every few hours.
            let submitted = call.closesAt.addingTimeInterval(-Double(entry.applications.count - index) * 3 * 3600)
            let reference = ReferenceCode.make(prefix: call.referencePrefix, number: index + 1)
            let row = CallApplication(id: UUID(), callID: call.id, email: application.email, language: .english,
                                      formVersion: entry.form.version, answers: application.answers, status: .submitted,
                                      reference: reference, submittedAt: submitted, createdAt: submitted, updatedAt: submitted)
            try ApplicationSQL.insert(row, rules: entry.rules, on: sql)
            loaded.append((row.id, reference))
        }
        return (call.id, call.closesAt, loaded)
    }

    private static func loadProgram(_ entry: DemoCatalog.ProgramEntry, organisationIDs: [String: UUID], now: Date,
                                    on sql: any SyncSQL) throws -> (id: UUID, modules: [ProgramModule]) {
        let program = Program(id: UUID(), slug: entry.slug, title: entry.title, theme: entry.theme,
                              hostCountry: Country(code: entry.hostCountry)!, startDate: CalendarDate(iso: entry.start)!,
                              endDate: CalendarDate(iso: entry.end)!, summary: entry.summary,
                              description: entry.description, status: entry.status,
                              leadOrganisationID: organisationIDs[entry.leadKey], isSample: true)
        try ProgramSQL.insert(program, now: now, on: sql)
        for partner in entry.partners {
            guard let organisationID = organisationIDs[partner.organisationKey] else { continue }
            try ProgramPartsSQL.insertPartnership(programID: program.id, organisationID: organisationID, role: partner.role,
                                                  description: partner.description, on: sql)
        }
        var modules: [ProgramModule] = []
        for module in entry.modules {
            let saved = ProgramModule(
                id: UUID(), programID: program.id, number: module.number, title: module.title,
                startDate: CalendarDate(iso: module.start)!, endDate: CalendarDate(iso: module.end)!, city: module.city,
                country: Country(code: module.country), format: .inPerson, isIllustrative: module.isIllustrative, timeZone: module.timeZone)
            try ProgramPartsSQL.save(saved, on: sql)
            modules.append(saved)
        }
        for country in entry.countries {
            try ProgramPartsSQL.insert(ProgramCountry(programID: program.id, country: Country(code: country.code)!,
                                                      role: country.role, displayName: country.displayName), on: sql)
        }
        for (index, participant) in entry.participants.enumerated() {
            let id = UUID()
            try PeopleSQL.insert(id: id, fullName: participant.name, country: participant.country, sector: participant.sector.rawValue,
                                 position: participant.position, isSample: true, email: DemoCatalog.participantEmail(index),
                                 now: now, on: sql)
            try PeopleSQL.enrol(Enrolment(programID: program.id, personID: id, role: .participant), on: sql)
        }
        return (program.id, modules)
    }
}
