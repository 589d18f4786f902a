import Dispatch

/// Commits batches one at a time on a thread of their own, in the order they were handed in, so
/// that the next batch is analysed on every core while the single SQLite writer works. At most two
/// batches are held (one committing, one waiting): analysis may run one batch ahead, no further.
final class CommitLane: Sendable {
    private let thread = DispatchQueue(label: "renewald.commit", qos: .userInitiated)
    private let idle = DispatchSemaphore(value: 2)

    /// Queues `work` behind the work handed in before it; waits first while two batches are held.
    func submit(_ work: @escaping @Sendable () -> Void) {
        idle.wait()
        thread.async {
            work()
            self.idle.signal()
        }
    }

    /// Waits until all work handed in has finished.
    func drain() {
        idle.wait(); idle.wait()
        idle.signal(); idle.signal()
    }
}
