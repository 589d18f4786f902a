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

    func add(_ name: FileName) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, !queued.contains(name) else { return }
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

    /// Schedules `name` again after a backoff that doubles with each attempt (1 s … 5 min).
    func retryLater(_ name: FileName) {
        condition.lock()
        defer { condition.unlock() }
        let attempt = (delayed[name]?.attempt ?? 0) + 1
        let seconds = min(300.0, pow(2, Double(attempt - 1)))
        delayed[name] = (ContinuousClock.now + .milliseconds(Int(seconds * 1000)), attempt)
        condition.signal()
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

    /// Up to `limit` files queued right now, taken without waiting (to batch a burst after `next`).
    func moreFiles(limit: Int) -> [FileName] {
        condition.lock()
        defer { condition.unlock() }
        var taken: [FileName] = []
        while taken.count < limit, case .file(let name)? = items.first {
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
            while !items.isEmpty {
                let item = items.removeFirst()
                guard case .file(let name) = item else { return .item(item) }
                if let name = handOut(name) { return .item(.file(name)) }
            }
            var wake = deadline
            if let soonest = delayed.values.map(\.due).min() {
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
