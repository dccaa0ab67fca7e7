import Foundation

public struct SelectionSolution: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case optimal, infeasible }

    public let status: Status
    /// Ids in code-point order.
    public let selected: [String]
    /// The total score in units of `10^-decimals`, exact.
    public let scaledObjective: Int64?
    public let decimals: Int
    public let conflict: SelectionConflict?

    public var objective: Double? {
        scaledObjective.map { Double($0) / pow(10, Double(decimals)) }
    }

    /// The solution format of `selection-format.md`, with the solving time.
    public func json(timeSeconds: Double) throws -> Data {
        struct Wire: Encodable {
            let status: Status
            let selected: [String]
            let objective: Double?
            let timeSeconds: Double
            let conflict: SelectionConflict?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(status, forKey: .status)
                try container.encode(selected, forKey: .selected)
                try container.encode(objective, forKey: .objective)
                try container.encode(timeSeconds, forKey: .timeSeconds)
                try container.encodeIfPresent(conflict, forKey: .conflict)
            }

            enum CodingKeys: String, CodingKey { case status, selected, objective, timeSeconds, conflict }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rounded = objective.map { ($0 * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals)) }
        return try encoder.encode(Wire(status: status, selected: selected, objective: rounded, timeSeconds: timeSeconds, conflict: conflict))
    }
}

/// Rules that cannot all hold together: quota indices into the instance, and forced ids.
/// The cohort size and "unscored applicants are never selected" always take part and are not listed.
public struct SelectionConflict: Sendable, Equatable, Codable {
    public let quotas: [Int]
    public let include: [String]
    public let exclude: [String]
}
