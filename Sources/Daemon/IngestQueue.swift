import Foundation
import Inbox

/// Names waiting to be ingested, in arrival order without repeats, plus names to retry later.
///
/// A name handed out is *in flight* until `finished` is called for it: the ingest loop analyses the
/// next batch while the previous one commits, so a name that shows up again meanwhile (its file was
/// replaced) waits until its first round is over instead of being read twice at once.
final class IngestQueue: Sendable {
    enum Item: Sendable {
        case file(FileName)
        /// Test hook: wedge the ingest loop (so a watchdog can be seen to fire).
        case stall(seconds: Double)
    }

    /// Everything the queue knows, changed only under `state`'s lock.
    private struct State {
        var items: [Item] = []
        var queued: Set<FileName> = []
        var delayed: [FileName: (due: ContinuousClock.Instant, attempt: Int)] = [:]
        var closed = false
        /// Names handed out and not yet finished; `pending` counts them.
        var inFlight: Set<FileName> = []

        /// Retries neither queued nor in flight: the ones still to come due.
        var waitingRetries: [FileName: (due: ContinuousClock.Instant, attempt: Int)] {
            delayed.filter { !queued.contains($0.key) && !inFlight.contains($0.key) }
        }
        /// In-flight names that arrived again, queued once they finish.
        var again: Set<FileName> = []
        /// Queued names whose writer was seen to finish (closed after writing, or renamed in): these need
        /// no settle interval. Moved to `closedInFlight` when handed out.
        var closedQueued: Set<FileName> = []
        var closedInFlight: Set<FileName> = []
        /// While the store is away no file is handed out: they stay queued (and in the inbox) until `resume`.
        var paused = false

        /// Puts `name` at the end of the queue.
        mutating func enqueue(_ name: FileName) {
            queued.insert(name)
            items.append(.file(name))
        }

        /// Marks a name taken off `items` as in flight, or sets it aside when it already is.
        mutating func handOut(_ name: FileName) -> FileName? {
            queued.remove(name)
            guard inFlight.insert(name).inserted else {
                again.insert(name)
                return nil
            }
            if closedQueued.remove(name) != nil { closedInFlight.insert(name) }
            return name
        }
    }

    private let state = ConditionMutex(State())

    /// Queues `name`; `closed` when its writer was seen to finish with it (`IN_CLOSE_WRITE`, `IN_MOVED_TO`).
    func add(_ name: FileName, closed wasClosed: Bool = false) {
        state.update { s in
            guard !s.closed else { return }
            if wasClosed { s.closedQueued.insert(name) }
            guard !s.queued.contains(name) else { return }
            s.delayed[name] = nil
            s.enqueue(name)
        }
    }

    func addStall(seconds: Double) {
        state.update { $0.items.append(.stall(seconds: seconds)) }
    }

    /// Schedules `name` again after a backoff that doubles with each attempt (1 s … 5 min), or
    /// after `seconds` exactly (a file settling).
    func retryLater(_ name: FileName, after seconds: Double? = nil) {
        state.update { s in
            let attempt = (s.delayed[name]?.attempt ?? 0) + (seconds == nil ? 1 : 0)
            let wait = seconds ?? min(300.0, pow(2, Double(attempt - 1)))
            s.delayed[name] = (ContinuousClock.now + .milliseconds(Int(max(0.01, wait) * 1000)), attempt)
        }
    }

    /// Stops handing out files (the store is away); they stay queued and count as pending.
    func pause() { state.withLock { $0.paused = true } }

    /// Hands out files again, those whose retry came due meanwhile at once.
    func resume() { state.update { $0.paused = false } }

    /// Whether `name`, handed out now, was seen closed by its writer since it was last handed out.
    func wasClosed(_ name: FileName) -> Bool {
        state.withLock { $0.closedInFlight.contains(name) }
    }

    /// Queues `name` again once its current round finishes (the name now holds another file).
    func queueAgain(_ name: FileName) {
        state.update { s in
            if s.inFlight.contains(name) { s.again.insert(name) } else if !s.queued.contains(name), !s.closed { s.enqueue(name) }
        }
    }

    /// Forgets a name's backoff once it was handled.
    func settled(_ name: FileName) {
        state.withLock { $0.delayed[name] = nil }
    }

    enum Next {
        case item(Item)
        case timeout
        case closed
    }

    /// Up to `limit` files queued right now, taken without waiting (to batch a burst after `next`),
    /// stopping at the first that `accept` refuses (it stays first in the queue).
    func moreFiles(limit: Int, accept: (FileName) -> Bool = { _ in true }) -> [FileName] {
        state.withLock { s in
            var taken: [FileName] = []
            while !s.paused, taken.count < limit, case .file(let name)? = s.items.first {
                if !s.inFlight.contains(name) && !accept(name) { break }
                s.items.removeFirst()
                if let name = s.handOut(name) { taken.append(name) }
            }
            return taken
        }
    }

    /// Ends the round of names handed out; those that arrived again meanwhile are queued now.
    func finished(_ names: [FileName]) {
        state.update { s in
            for name in names {
                s.inFlight.remove(name)
                s.closedInFlight.remove(name)
                guard s.again.remove(name) != nil, !s.closed, !s.queued.contains(name) else { continue }
                s.enqueue(name)
            }
        }
    }

    /// The next item, waiting at most `timeout`.
    func next(timeout: Duration) -> Next {
        let deadline = Date().addingTimeInterval(timeout.inSeconds)
        return state.wait { s in
            if s.closed { return .done(.closed) }
            let now = ContinuousClock.now
            for (name, entry) in s.waitingRetries where entry.due <= now {
                s.enqueue(name)
            }
            while !s.paused, !s.items.isEmpty {
                let item = s.items.removeFirst()
                guard case .file(let name) = item else { return .done(.item(item)) }
                if let name = s.handOut(name) { return .done(.item(.file(name))) }
            }
            if Date() >= deadline { return .done(.timeout) }
            var wake = deadline
            // Only retries not yet queued or in flight wake the wait: one queued already (or one held
            // back while paused) would otherwise wake it every millisecond.
            if let soonest = s.waitingRetries.values.map(\.due).min() {
                wake = min(wake, Date().addingTimeInterval(max(0.001, (soonest - now).inSeconds)))
            }
            return .sleep(until: wake)
        }
    }

    /// Files waiting, in flight, or waiting for a retry.
    var pending: Int {
        state.withLock { s in
            s.items.count + s.inFlight.count + s.waitingRetries.count
        }
    }

    /// Stops handing out items; `next` returns nil from now on.
    func close() {
        state.update { $0.closed = true }
    }
}
