import Foundation
import Inbox

/// Names waiting to be ingested, in arrival order without repeats, plus names to retry later.
///
/// A name handed out is *in flight* until `finished` is called for it: the ingest loop analyses the
/// next batch while the previous one commits, so a name that shows up again meanwhile (its file was
/// replaced) waits until its first round is over instead of being read twice at once.
final class IngestQueue: @unchecked Sendable {
    enum Item {
        case file(FileName)
        /// Test hook: wedge the ingest loop (so a watchdog can be seen to fire).
        case stall(seconds: Double)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var queued: Set<FileName> = []
    private var delayed: [FileName: (due: ContinuousClock.Instant, attempt: Int)] = [:]
    private var closed = false
    /// Names handed out and not yet finished; `pending` counts them.
    private var inFlight: Set<FileName> = []
    /// In-flight names that arrived again, queued once they finish.
    private var again: Set<FileName> = []
    /// Queued names whose writer was seen to finish (closed after writing, or renamed in): these need
    /// no settle interval. Moved to `closedInFlight` when handed out.
    private var closedQueued: Set<FileName> = []
    private var closedInFlight: Set<FileName> = []
    /// While the store is away no file is handed out: they stay queued (and in the inbox) until `resume`.
    private var paused = false

    /// Queues `name`; `closed` when its writer was seen to finish with it (`IN_CLOSE_WRITE`, `IN_MOVED_TO`).
    func add(_ name: FileName, closed wasClosed: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        if wasClosed { closedQueued.insert(name) }
        guard !queued.contains(name) else { return }
        delayed[name] = nil
        queued.insert(name)
        items.append(.file(name))
        condition.signal()
    }

    func addStall(seconds: Double) {
        condition.lock()
        items.append(.stall(seconds: seconds))
        condition.signal()
        condition.unlock()
    }

    /// Schedules `name` again after a backoff that doubles with each attempt (1 s … 5 min), or
    /// after `seconds` exactly (a file settling).
    func retryLater(_ name: FileName, after seconds: Double? = nil) {
        condition.lock()
        defer { condition.unlock() }
        let attempt = (delayed[name]?.attempt ?? 0) + (seconds == nil ? 1 : 0)
        let wait = seconds ?? min(300.0, pow(2, Double(attempt - 1)))
        delayed[name] = (ContinuousClock.now + .milliseconds(Int(max(0.01, wait) * 1000)), attempt)
        condition.signal()
    }

    /// Stops handing out files (the store is away); they stay queued and count as pending.
    func pause() {
        condition.lock()
        paused = true
        condition.unlock()
    }

    /// Hands out files again, those whose retry came due meanwhile at once.
    func resume() {
        condition.lock()
        paused = false
        condition.broadcast()
        condition.unlock()
    }

    var isPaused: Bool {
        condition.lock()
        defer { condition.unlock() }
        return paused
    }

    /// Whether `name`, handed out now, was seen closed by its writer since it was last handed out.
    func wasClosed(_ name: FileName) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return closedInFlight.contains(name)
    }

    /// Queues `name` again once its current round finishes (the name now holds another file).
    func queueAgain(_ name: FileName) {
        condition.lock()
        defer { condition.unlock() }
        if inFlight.contains(name) { again.insert(name) } else if !queued.contains(name), !closed {
            queued.insert(name)
            items.append(.file(name))
            condition.signal()
        }
    }

    /// Forgets a name's backoff once it was handled.
    func settled(_ name: FileName) {
        condition.lock()
        delayed[name] = nil
        condition.unlock()
    }

    enum Next {
        case item(Item)
        case timeout
        case closed
    }

    /// Up to `limit` files queued right now, taken without waiting (to batch a burst after `next`),
    /// stopping at the first that `accept` refuses (it stays first in the queue).
    func moreFiles(limit: Int, accept: (FileName) -> Bool = { _ in true }) -> [FileName] {
        condition.lock()
        defer { condition.unlock() }
        var taken: [FileName] = []
        while !paused, taken.count < limit, case .file(let name)? = items.first {
            if !inFlight.contains(name) && !accept(name) { break }
            items.removeFirst()
            if let name = handOut(name) { taken.append(name) }
        }
        return taken
    }

    /// Ends the round of names handed out; those that arrived again meanwhile are queued now.
    func finished(_ names: [FileName]) {
        condition.lock()
        defer { condition.unlock() }
        for name in names {
            inFlight.remove(name)
            closedInFlight.remove(name)
            guard again.remove(name) != nil, !closed, !queued.contains(name) else { continue }
            queued.insert(name)
            items.append(.file(name))
            condition.signal()
        }
    }

    /// Marks a name taken off `items` as in flight, or sets it aside when it already is. Lock held.
    private func handOut(_ name: FileName) -> FileName? {
        queued.remove(name)
        guard inFlight.insert(name).inserted else {
            again.insert(name)
            return nil
        }
        if closedQueued.remove(name) != nil { closedInFlight.insert(name) }
        return name
    }

    /// The next item, waiting at most `timeout`.
    func next(timeout: Duration) -> Next {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout.inSeconds)
        while true {
            if closed { return .closed }
            let now = ContinuousClock.now
            for (name, entry) in delayed where entry.due <= now && !queued.contains(name) && !inFlight.contains(name) {
                queued.insert(name)
                items.append(.file(name))
            }
            while !paused, !items.isEmpty {
                let item = items.removeFirst()
                guard case .file(let name) = item else { return .item(item) }
                if let name = handOut(name) { return .item(.file(name)) }
            }
            var wake = deadline
            // Only retries not yet queued or in flight wake the wait: one queued already (or one held
            // back while paused) would otherwise wake it every millisecond.
            if let soonest = delayed.filter({ !queued.contains($0.key) && !inFlight.contains($0.key) }).values.map(\.due).min() {
                wake = min(wake, Date().addingTimeInterval(max(0.001, (soonest - now).inSeconds)))
            }
            if !condition.wait(until: wake), Date() >= deadline { return .timeout }
        }
    }

    /// Files waiting, in flight, or waiting for a retry.
    var pending: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count + inFlight.count + delayed.keys.filter { !queued.contains($0) && !inFlight.contains($0) }.count
    }

    /// Stops handing out items; `next` returns nil from now on.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
