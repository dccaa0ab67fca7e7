import CohortCore
import FluentKit
import Foundation

/// Fills a call with many realistic, made-up applications, fast, for benchmarks.
/// Deterministic for a given seed, so two runs measure the same data.
public struct SyntheticApplications: Sendable {
    let db: Persistence

    public init(db: Persistence) { self.db = db }

    static let countries = ["MY", "MY", "MY", "NP", "BD", "PH", "ID", "KH", "MM", "LK", "IN", "VN"]
    static let sectors = ["ngo", "ngo", "trade_union", "nhri", "government", "academic", "international_org", "community_group"]
    static let genders = ["woman", "woman", "man", "man", "nonbinary", "undisclosed"]
    static let given = ["Siti", "Nur", "Aung", "Maria", "Rina", "Bikash", "Sok", "Dewi", "Arif", "Kumar", "Lina", "Joseph"]
    static let family = ["Rahman", "Thapa", "Santos", "Akter", "Chea", "Wijaya", "Perera", "Tan", "Lim", "Gurung", "Reyes"]

    /// Adds `count` applications to the call (most submitted, some drafts), in batches.
    public func fill(callID: UUID, count: Int, now: Date, seed: UInt64 = 42) async throws {
        guard let call = try await CallRecord.find(callID, on: db.fluent) else { throw DomainError.notFound("call") }
        let rules = try call.rules()
        var random = SplitMix64(seed: seed)
        let start = now.addingTimeInterval(-30 * 86_400)
        var number = call.lastReferenceNumber
        var made = 0
        while made < count {
            let batch = min(500, count - made)
            var records: [ApplicationRecord] = []
            for index in 0..<batch {
                let n = made + index
                let submitted = random.next() % 10 != 0
                let name = "\(Self.given[Int(random.next() % UInt64(Self.given.count))]) \(Self.family[Int(random.next() % UInt64(Self.family.count))])"
                let answers: [String: Answer] = [
                    "full_name": .text(name),
                    EligibilityCheck.nationalityKey: .text(Self.countries[Int(random.next() % UInt64(Self.countries.count))]),
                    EligibilityCheck.residenceKey: .text(random.next() % 4 == 0 ? "SG" : "MY"),
                    EligibilityCheck.sectorKey: .text(Self.sectors[Int(random.next() % UInt64(Self.sectors.count))]),
                    "gender": .text(Self.genders[Int(random.next() % UInt64(Self.genders.count))]),
                    EligibilityCheck.experienceKey: .text("\(random.next() % 25)"),
                    "works_with_migrants": .text(random.next() % 8 == 0 ? "no" : "yes"),
                    "work_description": .text("Casework, outreach and advocacy with migrant workers."),
                ]
                let record = ApplicationRecord()
                record.id = UUID()
                record.callID = callID
                record.email = "synthetic\(n)-\(seed)@example.org"
                record.language = [Language.english, .malay, .indonesian, .nepali][Int(random.next() % 4)].rawValue
                record.formVersion = call.formVersion
                let created = start.addingTimeInterval(Double(n) * 2592000 / Double(max(count, 1)))
                record.createdAt = created
                record.updatedAt = created
                if submitted {
                    number += 1
                    record.status = ApplicationStatus.submitted.rawValue
                    record.reference = ReferenceCode.make(prefix: call.referencePrefix, number: number)
                    record.submittedAt = created.addingTimeInterval(3600)
                } else {
                    record.status = ApplicationStatus.draft.rawValue
                }
                try record.setAnswers(answers, rules: rules)
                records.append(record)
            }
            let finalNumber = number
            let batchRecords = records
            try await db.modelTransaction { tx in
                try await batchRecords.create(on: tx)
                try await CallRecord.query(on: tx).filter(\.$id == callID).set(\.$lastReferenceNumber, to: finalNumber).update()
                try await db.statements(in: tx) { sql in try FacetVersion.bump(callID: callID, on: sql) }
            }
            made += batch
        }
    }
}

