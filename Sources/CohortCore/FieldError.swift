/// One problem with one field of a form or payload, in words a person can act on.
public struct FieldError: Hashable, Sendable, Codable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Thrown when input fails validation; carries every problem found, not just the first.
public struct ValidationFailure: Error, Sendable {
    public let errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }

    public func message(for field: String) -> String? {
        errors.first { $0.field == field }?.message
    }
}

/// Collects field errors while a validator walks its input.
public struct FieldErrorList: Sendable {
    public private(set) var errors: [FieldError] = []
    public init() {}

    public mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field, message))
    }

    public var isEmpty: Bool { errors.isEmpty }

    /// Throws a `ValidationFailure` when anything was added.
    public func check() throws {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
