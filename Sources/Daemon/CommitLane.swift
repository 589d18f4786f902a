import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Commits batches one at a time on a thread of their own, in the order they were handed in, so
/// that the next batch is analysed on every core while the single SQLite writer works. At most two
/// batches are held (one committing, one waiting): analysis may run one batch ahead, no further.
///
/// The thread runs at the analysis threads' priority (nice +19, as recollindex does): once
/// near-duplicate lookups stopped walking one long run of the band table, commits came often enough
/// to compete with searches. nspawn-latency, search p99 while ingesting / idle: 2.17x and 2.19x with
/// the writer at nice 0, 1.78x and 1.79x at +10, 0.94x at +19 (ingest then waits for searches).
final class CommitLane: Sendable {
    static let nice = AnalysisPool.nice

    /// Work handed in and not yet started; nil asks the thread to end.
    private let pending = Mutex<[(@Sendable () -> Void)?]>([])
    private let ready = DispatchSemaphore(value: 0)
    private let idle = DispatchSemaphore(value: 2)

    init() {
        let thread = Thread { [self] in
            // PRIO_PROCESS with who = 0 is the calling thread on Linux (nice is per thread). Refused
            // only where setpriority is filtered; AnalysisPriority reports that once.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.nice)
            while true {
                ready.wait()
                guard let work = pending.withLock({ $0.removeFirst() }) else { return }
                work()
                idle.signal()
            }
        }
        thread.name = "renewald-commit"
        thread.start()
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

    /// Ends the thread once the work handed in is done; nothing may be submitted after.
    func close() {
        pending.withLock { $0.append(nil) }
        ready.signal()
    }
}
