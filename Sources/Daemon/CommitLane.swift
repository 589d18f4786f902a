import Dispatch

/// Commits batches one at a time on a thread of their own, in the order they were handed in, so
/// that the next batch is analysed on every core while the single SQLite writer works.
final class CommitLane: @unchecked Sendable {
    private let thread = DispatchQueue(label: "renewald.commit", qos: .userInitiated)
    private let idle = DispatchSemaphore(value: 1)

    /// Starts `work` once the work handed in before it has finished; returns as soon as it starts.
    func submit(_ work: @escaping @Sendable () -> Void) {
        idle.wait()
        thread.async {
            work()
            self.idle.signal()
        }
    }

    /// Waits until the work handed in last has finished.
    func drain() {
        idle.wait()
        idle.signal()
    }
}
