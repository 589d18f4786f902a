import Foundation

/// A value behind a lock, with a condition to wait on until it changes: `Mutex` plus the wait that
/// `Mutex` lacks, for the two hand-offs between threads (the ingest queue, the analysis pool).
///
/// `@unchecked Sendable` is sound here, and only here, so the types built on it are checked:
/// `value` is private and read or written only inside `withLock`, `update` and `wait`, each of
/// which holds `condition`'s lock for the whole access; the value is `Sendable` and leaves only as a
/// result the closure returns (a copy, never a reference into the storage).
final class ConditionMutex<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Reads or changes the value under the lock; waiters are not woken (nothing they wait for changed).
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.unlock() }
        return try body(&value)
    }

    /// Changes the value under the lock and wakes every waiter to look at it again.
    func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// What `wait`'s body decided: an answer, or to sleep until `update` or the date (nil: no date),
    /// then look again.
    enum Step<R> {
        case done(R)
        case sleep(until: Date?)
    }

    /// Calls `body` under the lock until it is done, sleeping between calls as it asks (the lock is
    /// released while asleep). A wake-up may be early or spurious: `body` decides again each time.
    func wait<R>(_ body: (inout Value) -> Step<R>) -> R {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch body(&value) {
            case .done(let result): return result
            // No `wait(until: .distantFuture)`: Foundation on Linux overflows converting it and traps.
            case .sleep(let date?): _ = condition.wait(until: date)
            case .sleep(nil): condition.wait()
            }
        }
    }
}
