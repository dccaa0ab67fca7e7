import CohortCore
import Foundation

/// Words a page template needs, keyed with underscores ("start_heading") because
/// Mustache reads dots as paths.
struct WordTable: Sendable {
    let table: [String: String]

    init(_ words: Words, keys: [String], arguments: [String: [String: String]] = [:]) {
        var table: [String: String] = [:]
        for key in keys { table[key.replacingOccurrences(of: ".", with: "_")] = words(key, arguments[key] ?? [:]) }
        self.table = table
    }
}
