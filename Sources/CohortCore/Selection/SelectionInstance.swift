import Foundation

/// A selection problem: choose exactly `cohortSize` scored applicants with the highest total
/// score such that every quota holds, every `include` is in and every `exclude` is out.
/// The wire format is `docs/selection-format.md`; this is the same data, checked.
public struct SelectionInstance: Sendable, Equatable {
    public var name: String?
    public var cohortSize: Int
    public var quotas: [SelectionQuota]
    public var include: [String]
    public var exclude: [String]
    public var applicants: [SelectionApplicant]

    public init(name: String? = nil, cohortSize: Int, quotas: [SelectionQuota] = [], include: [String] = [], exclude: [String] = [],
                applicants: [SelectionApplicant]) throws {
        self.name = name
        self.cohortSize = cohortSize
        self.quotas = quotas
        self.include = include
        self.exclude = exclude
        self.applicants = applicants
        try validate()
    }

    /// The checks that make an instance malformed rather than infeasible.
    func validate() throws {
        guard cohortSize >= 0 else { throw SelectionInputError("cohortSize must be a non-negative integer, not \(cohortSize).") }
        var seen = Set<String>()
        seen.reserveCapacity(applicants.count)
        for applicant in applicants {
            guard !applicant.id.isEmpty else { throw SelectionInputError("An applicant has an empty id.") }
            guard seen.insert(applicant.id).inserted else { throw SelectionInputError("The applicant id \"\(applicant.id)\" appears more than once.") }
            if let score = applicant.score, !score.isFinite { throw SelectionInputError("Applicant \"\(applicant.id)\" has a score that is not a number.") }
        }
        for id in include where !seen.contains(id) { throw SelectionInputError("include names \"\(id)\", which is not an applicant's id.") }
        for id in exclude where !seen.contains(id) { throw SelectionInputError("exclude names \"\(id)\", which is not an applicant's id.") }
        for (index, quota) in quotas.enumerated() { try quota.validate(index: index) }
    }
}

public struct SelectionApplicant: Sendable, Equatable {
    /// The largest score (either sign) an instance file may give.
    public static let largestScore = 1_000_000.0

    public var id: String
    /// `nil`: not reviewed, so never selectable.
    public var score: Double?
    public var attributes: [String: String]

    public init(id: String, score: Double?, attributes: [String: String] = [:]) {
        self.id = id
        self.score = score
        self.attributes = attributes
    }
}

/// Bounds on how many selected applicants have some value of one attribute.
public struct SelectionQuota: Sendable, Equatable {
    public enum Selector: Sendable, Equatable {
        /// Applicants whose attribute equals the value.
        case value(String)
        /// One group: applicants whose attribute is any of the values, counted together.
        case group([String])
        /// Each value separately: the listed ones, or (`nil`) every value that occurs among the applicants.
        case each([String]?)
    }

    public var attribute: String
    public var selector: Selector
    public var min: Int
    /// `nil`: no upper bound.
    public var max: Int?

    public init(attribute: String, selector: Selector, min: Int = 0, max: Int? = nil) {
        self.attribute = attribute
        self.selector = selector
        self.min = min
        self.max = max
    }

    func validate(index: Int) throws {
        guard !attribute.isEmpty else { throw SelectionInputError("Quota \(index) has no attribute.") }
        guard min >= 0 else { throw SelectionInputError("Quota \(index) has a negative min (\(min)).") }
        if let max {
            guard max >= 0 else { throw SelectionInputError("Quota \(index) has a negative max (\(max)).") }
            guard min <= max else { throw SelectionInputError("Quota \(index) has min \(min) greater than max \(max).") }
        }
        if case .group(let values) = selector, values.isEmpty { throw SelectionInputError("Quota \(index) lists no values.") }
    }
}

/// Why an instance could not be read: one sentence a person can act on.
public struct SelectionInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
