import CohortCore
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
        struct CallRow: Decodable { let form_version: Int; let reference_prefix: String; let last_reference_number: Int }
        guard let call = try await db.read({ sql in
            try sql.first("SELECT form_version, reference_prefix, last_reference_number FROM calls WHERE id = \(bind: callID)", decoding: CallRow.self)
        }) else { throw DomainError.notFound("call") }
        let rules = try await db.read { sql in try ApplicationSQL.rules(callID: callID, on: sql) }
        var random = SplitMix64(seed: seed)
        let start = now.addingTimeInterval(-30 * 86_400)
        var number = call.last_reference_number
        var made = 0
        while made < count {
            let batch = min(500, count - made)
            var records: [CallApplication] = []
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
                let created = start.addingTimeInterval(Double(n) * 2592000 / Double(max(count, 1)))
                var reference: String?
                if submitted {
                    number += 1
                    reference = ReferenceCode.make(prefix: call.reference_prefix, number: number)
                }
                records.append(CallApplication(
                    id: UUID(), callID: callID, email: "synthetic\(n)-\(seed)@example.org",
                    language: [Language.english, .malay, .indonesian, .nepali][Int(random.next() % 4)], formVersion: call.form_version,
                    answers: answers, status: submitted ? .submitted : .draft, reference: reference,
                    submittedAt: submitted ? created.addingTimeInterval(3600) : nil, createdAt: created, updatedAt: created))
            }
            let finalNumber = number
            let batchRecords = records
            try await db.write { sql in
                for application in batchRecords { try ApplicationSQL.insert(application, rules: rules, on: sql) }
                try sql.run("UPDATE calls SET last_reference_number = \(bind: finalNumber) WHERE id = \(bind: callID)")
                try FacetVersion.bump(callID: callID, on: sql)
            }
            made += batch
        }
    }
}

