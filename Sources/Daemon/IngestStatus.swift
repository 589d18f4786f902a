import Foundation
import Inbox
import Logging
import Synchronization

/// What `systemctl status` and `stats` show about ingestion: the report count, the current
/// problem, and the `STATUS=` line (throttled while a backlog lasts).
final class IngestStatus: Sendable {
    private struct Counts {
        var reports: Int
        var problem: String?
        /// Since start: files moved to failed/, and entries left in the inbox (counts for STATUS=).
        var failed = 0
        var parked: Set<FileName> = []
        var lastSent = ContinuousClock.now - .seconds(10)
    }

    let inbox: String
    let queue: IngestQueue
    let notifier: any ServiceNotifying
    /// Whether the store answers; while it does not, the queue is paused.
    let availability = StoreAvailability()
    private let counts: Mutex<Counts>

    init(inbox: String, queue: IngestQueue, notifier: any ServiceNotifying, reports: Int) {
        self.inbox = inbox
        self.queue = queue
        self.notifier = notifier
        counts = Mutex(Counts(reports: reports))
    }

    /// The problem `stats` shows: the store being away first, since nothing is ingested meanwhile.
    var problem: String? {
        if let why = availability.reason {
            return "the database is unavailable (\(why)); files stay in the inbox and are taken once it answers"
        }
        return counts.withLock { $0.problem }
    }

    /// The store did not answer: stop handing out files (they stay in the inbox) until it does.
    /// True when this began an outage.
    @discardableResult
    func storeAway(_ why: String) -> Bool {
        let began = availability.markAway(why) { queue.pause() }
        if began { update(force: true) }
        return began
    }

    /// `storeAway`, telling the journal once per outage.
    func storeAway(_ why: String, logger: Logger) {
        if storeAway(why) {
            logger.error("the database is unavailable (\(why)); files stay in the inbox and are taken once it answers",
                         metadata: ["error_code": "store_unavailable"])
        }
    }

    /// The store answered (with `reports` reports, which other hosts may have added to): hand out
    /// files again. True when this ended an outage.
    @discardableResult
    func storeBack(reports: Int?) -> Bool {
        let ended = availability.markBack { queue.resume() }
        if let reports { counts.withLock { $0.reports = reports } }
        if ended { update(force: true) }
        return ended
    }

    func setProblem(_ problem: String?) { counts.withLock { $0.problem = problem } }

    func stored(new: Bool) {
        counts.withLock {
            $0.problem = nil
            if new { $0.reports += 1 }
        }
    }

    func failed() {
        counts.withLock {
            $0.problem = nil
            $0.failed += 1
        }
    }

    func parked(_ name: FileName) {
        counts.withLock {
            $0.problem = nil
            $0.parked.insert(name)
        }
    }

    func unparked(_ name: FileName) { _ = counts.withLock { $0.parked.remove(name) } }

    /// `STATUS=`, which every local user can read (`systemctl status`): counts only, never a file
    /// name or path (the problem's text, which names the file, is in `stats` and the journal).
    var line: String {
        let (reports, problem, failed, parked) = counts.withLock { ($0.reports, $0.problem, $0.failed, $0.parked.count) }
        var line = "watching the inbox; \(reports.formatted()) reports; \(queue.pending) pending"
        if failed > 0 { line += "; \(failed) failed" }
        if parked > 0 { line += "; \(parked) left in the inbox" }
        if availability.isAway {
            line += "; the database is unavailable, retrying"
        } else if problem != nil {
            line += "; 1 problem (see stats)"
        }
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
