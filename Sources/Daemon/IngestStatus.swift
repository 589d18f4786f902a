import Foundation
import Synchronization

/// What `systemctl status` and `stats` show about ingestion: the report count, the current
/// problem, and the `STATUS=` line (throttled while a backlog lasts).
final class IngestStatus: Sendable {
    private struct Counts {
        var reports: Int
        var problem: String?
        var lastSent = ContinuousClock.now - .seconds(10)
    }

    let inbox: String
    let queue: IngestQueue
    let notifier: any ServiceNotifying
    private let counts: Mutex<Counts>

    init(inbox: String, queue: IngestQueue, notifier: any ServiceNotifying, reports: Int) {
        self.inbox = inbox
        self.queue = queue
        self.notifier = notifier
        counts = Mutex(Counts(reports: reports))
    }

    var problem: String? { counts.withLock { $0.problem } }

    func setProblem(_ problem: String?) { counts.withLock { $0.problem = problem } }

    func stored(new: Bool) {
        counts.withLock {
            $0.problem = nil
            if new { $0.reports += 1 }
        }
    }

    var line: String {
        let (reports, problem) = counts.withLock { ($0.reports, $0.problem) }
        var line = "watching \(inbox); \(reports.formatted()) reports; \(queue.pending) pending"
        if let problem { line += "; problem: \(problem)" }
        return line
    }

    /// Sends `STATUS=` at most once a second, or now when `force`.
    func update(force: Bool = false) {
        let due = counts.withLock { counts -> Bool in
            guard force || ContinuousClock.now - counts.lastSent >= .seconds(1) else { return false }
            counts.lastSent = ContinuousClock.now
            return true
        }
        if due { notifier.status(line) }
    }
}
