import Foundation
import Synchronization

/// Maps over a collection on every core, keeping order: the pure pipeline stages have no shared state.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> U) -> [U] {
        if items.count < 2 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            // Deallocating alone would leak every value still held in the slots.
            results.deinitialize()
            results.deallocate()
        }
        let slots = SendableBuffer(pointer: results)
        AnalysisPool.shared.run(iterations: items.count) { i in
            slots.pointer[i] = transform(items[i])
        }
        return results.map { $0! }
    }
}

/// Each iteration writes only its own slot, so sharing the buffer across threads is safe.
private struct SendableBuffer<U>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<U?>
}

/// One thread per core for analysing files, running at a lower CPU priority (`nice`) than the rest
/// of the daemon. Queries come first and ingest takes the cycles left, so `search` stays fast while
/// a backlog is worked off. The commit thread (`CommitLane`) runs at the same priority: at nice 0 it
/// put search p99 while ingesting past 2× idle.
final class AnalysisPool: Sendable {
    /// How much lower analysis runs than the rest of the daemon.
    static let nice: Int32 = 19
    static let shared = AnalysisPool(threads: ProcessInfo.processInfo.activeProcessorCount, nice: nice)

    /// One `run` call: iterations are claimed one at a time by whichever thread is free.
    private final class Job: Sendable {
        let count: Int
        let body: @Sendable (Int) -> Void
        let next = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)

        init(count: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.body = body
        }

        func work() {
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                body(i)
                if completed.add(1, ordering: .acquiringAndReleasing).newValue == count { done.signal() }
            }
        }
    }

    /// The job in hand, and how many were handed out so far: a thread that finished one waits for the next.
    private struct Assignment: Sendable {
        var job: Job?
        var generation = 0
    }

    private let assignment = ConditionMutex(Assignment())
    /// One `run` at a time.
    private let turn = Mutex(())

    init(threads: Int, nice: Int32) {
        for _ in 0..<max(1, threads) {
            AnalysisPriority.startThread(name: "renewald-analysis", nice: nice) { [self] _ in workLoop() }
        }
    }

    private func workLoop() {
        var seen = 0
        while true {
            let job: Job = assignment.wait { a in
                guard a.generation != seen, let job = a.job else { return .sleep(until: nil) }
                seen = a.generation
                return .done(job)
            }
            job.work()
        }
    }

    /// Calls `body` for 0..<iterations on the pool's threads and returns when every call has.
    /// A pool thread may still hold `body` for a moment afterwards, but never calls it again.
    func run(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        turn.withLock { _ in
            let job = Job(count: iterations, body: body)
            assignment.update { a in
                a.job = job
                a.generation += 1
            }
            job.done.wait()
            assignment.withLock { $0.job = nil }
        }
    }
}
