import Foundation

/// Values kept per process under a fixed bound, shared by every request. Two generations:
/// new entries go into the recent one; when it is full the recent becomes the older and a
/// new recent begins, so what is still being asked for (found in the older and moved back)
/// survives and what nobody asked for since is dropped. At most twice `capacity` entries.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [Key: Value] = [:]
    private var older: [Key: Value] = [:]
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "a cache holds at least one entry")
        self.capacity = capacity
    }

    public func value(_ key: Key) -> Value? {
        lock.withLock {
            if let value = recent[key] { return value }
            guard let value = older.removeValue(forKey: key) else { return nil }
            insert(value, for: key)
            return value
        }
    }

    public func keep(_ value: Value, for key: Key) {
        lock.withLock { insert(value, for: key) }
    }

    /// Forgets everything (the data it was made from changed).
    public func removeAll() {
        lock.withLock {
            recent.removeAll()
            older.removeAll()
        }
    }

    public var count: Int { lock.withLock { recent.count + older.count } }

    private func insert(_ value: Value, for key: Key) {
        if recent[key] == nil && recent.count >= capacity {
            older = recent
            recent = [:]
        }
        recent[key] = value
    }
}
