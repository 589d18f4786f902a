import Foundation
import Synchronization

/// Commits batches one at a time on a thread of their own, in the order they were handed in, so
/// that the next batch is analysed on every core while the single SQLite writer works. At most two
/// batches are held (one committing, one waiting): analysis may run one batch ahead, no further.
///
/// The thread runs at the analysis threads' priority (nice +19, as recollindex does): once
/// near-duplicate lookups stopped walking one long run of the band table, commits came often enough
/// to compete with searches. nspawn-latency, search p99 while ingesting / idle: 2.17x and 2.19x with
/// the writer at nice 0, 1.78x and 1.79x at +10, 0.94x at +19 (ingest then waits for searches).
/// The cost: a commit holds the state's mutation lane (`RuntimeState`), so a `label` or `reload`
/// that arrives meanwhile waits for a low-priority thread, longer while searches keep both cores.
final class CommitLane: Sendable {
    static let nice = AnalysisPool.nice

    /// Work handed in and not yet started; nil asks the thread to end.
    private let pending = Mutex<[(@Sendable () -> Void)?]>([])
    private let ready = DispatchSemaphore(value: 0)
    private let idle = DispatchSemaphore(value: 2)

    init() {
        AnalysisPriority.startThread(name: "renewald-commit", nice: Self.nice) { [self] _ in
            while true {
                ready.wait()
                guard let work = pending.withLock({ $0.removeFirst() }) else { return }
                work()
                idle.signal()
            }
        }
    }

    /// Queues `work` behind the work handed in before it; waits first while two batches are held.
    func submit(_ work: @escaping @Sendable () -> Void) {
        idle.wait()
        pending.withLock { $0.append(work) }
        ready.signal()
    }

    /// Waits until all work handed in has finished.
    func drain() {
        idle.wait(); idle.wait()
        idle.signal(); idle.signal()
    }

    /// Waits for the work handed in, then ends the thread; nothing may be submitted after.
    func close() {
        drain()
        pending.withLock { $0.append(nil) }
        ready.signal()
    }
}
