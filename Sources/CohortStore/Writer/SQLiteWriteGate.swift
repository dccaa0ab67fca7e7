import Foundation

/// A first-come, first-served lock, taken by async code (write transactions through the
/// pooled connections) and by the writer's thread (which blocks), so the two never write at once.
final class SQLiteWriteGate: @unchecked Sendable {
    static let shared = SQLiteWriteGate()
    private enum Waiter {
        case task(CheckedContinuation<Void, Never>)
        case thread(DispatchSemaphore)
    }
    private let lock = NSLock()
    private var isHeld = false
    private var waiting: [Waiter] = []

    func acquire() async {
        await withCheckedContinuation { continuation in
            if takeOrQueue(.task(continuation)) { continuation.resume() }
        }
    }

    /// Takes the gate if it is free (true), else queues `waiter` for it.
    private func takeOrQueue(_ waiter: Waiter) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if isHeld {
            waiting.append(waiter)
            return false
        }
        isHeld = true
        return true
    }

    /// For a thread of its own, never an event loop or a task.
    func acquireBlocking() {
        let semaphore = DispatchSemaphore(value: 0)
        if !takeOrQueue(.thread(semaphore)) { semaphore.wait() }
    }

    /// Hands the gate to the first waiter, if any (it stays held), else opens it.
    func release() {
        lock.lock()
        guard !waiting.isEmpty else {
            isHeld = false
            lock.unlock()
            return
        }
        let next = waiting.removeFirst()
        lock.unlock()
        switch next {
        case .task(let continuation): continuation.resume()
        case .thread(let semaphore): semaphore.signal()
        }
    }
}
