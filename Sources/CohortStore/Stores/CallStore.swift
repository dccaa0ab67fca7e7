import CohortCore
import FluentKit
import Foundation

/// Calls and their forms. A form is never changed in place: each edit is a new version.
public struct CallStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public struct Loaded: Sendable {
        public let call: Call
        public let rules: EligibilityRules
        public let form: FormDefinition
    }

    public func create(_ call: Call, rules: EligibilityRules, form: FormDefinition) async throws {
        try await db.serializedTransaction { tx in
            try await CallRecord(call, eligibility: rules, formVersion: form.version).create(on: tx)
            try await CallFormRecord(callID: call.id, form: form).create(on: tx)
        }
    }

    /// The call with its current form.
    public func load(_ id: UUID) async throws -> Loaded? {
        guard let record = try await CallRecord.find(id, on: db) else { return nil }
        guard let form = try await form(callID: id, version: record.formVersion) else { throw StoreError.corrupt("call form") }
        return Loaded(call: try record.value(), rules: try record.rules(), form: form)
    }

    /// A form version never changes once saved, so each is decoded once per process and kept.
    public func form(callID: UUID, version: Int) async throws -> FormDefinition? {
        if let cached = FormCache.shared.form(callID: callID, version: version) { return cached }
        guard let form = try await CallFormRecord.query(on: db).filter(\.$callID == callID).filter(\.$version == version).first()?.value() else {
            return nil
        }
        FormCache.shared.keep(form, callID: callID)
        return form
    }

    public func calls(programID: UUID) async throws -> [Call] {
        try await CallRecord.query(on: db).filter(\.$programID == programID).sort(\.$opensAt).all().map { try $0.value() }
    }

    /// Published calls that are open now.
    public func openCalls(at now: Date) async throws -> [Call] {
        try await CallRecord.query(on: db).filter(\.$isPublished == true).filter(\.$opensAt <= now)
            .filter(\.$closesAt >= now).sort(\.$closesAt).all().map { try $0.value() }
    }

    /// Saves a new form version and makes it current; earlier answers keep their version.
    public func publishForm(callID: UUID, sections: [FormSection]) async throws -> FormDefinition {
        try await db.serializedTransaction { tx in
            guard let record = try await CallRecord.find(callID, on: tx) else { throw DomainError.notFound("call") }
            let form = FormDefinition(version: record.formVersion + 1, sections: sections)
            try await CallFormRecord(callID: callID, form: form).create(on: tx)
            record.formVersion = form.version
            try await record.update(on: tx)
            return form
        }
    }
}

/// Decoded form versions. Safe to share between requests and instances: a version is immutable.
final class FormCache: @unchecked Sendable {
    static let shared = FormCache()
    private let lock = NSLock()
    private var forms: [String: FormDefinition] = [:]

    func form(callID: UUID, version: Int) -> FormDefinition? {
        lock.withLock { forms["\(callID)/\(version)"] }
    }

    func keep(_ form: FormDefinition, callID: UUID) {
        lock.withLock {
            if forms.count > 500 { forms.removeAll() }
            forms["\(callID)/\(form.version)"] = form
        }
    }
}
