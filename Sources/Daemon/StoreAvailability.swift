import Foundation
import Synchronization

/// Whether the store answers, as the daemon last found out, and when to ask it again.
///
/// A store that throws `StoreError.unavailable` (the database server is down, restarting, or
/// read-only after a failover) is *away*: the ingest loop stops taking files, so they stay in the
/// inbox, and asks the store again with a backoff that doubles from `firstProbe` to `maxProbe`; the
/// first answer brings it back, and the files waiting are taken again. Nobody has to step in.
final class StoreAvailability: Sendable {
    private struct State {
        var reason: String?
        var since: Date?
        var nextProbe = ContinuousClock.now
        var interval: Duration
    }

    let firstProbe: Duration
    let maxProbe: Duration
    private let state: Mutex<State>

    /// `maxProbe` bounds how long after the database returns the daemon may take to notice: short
    /// enough for a failover, long enough that a dead server is asked only every few seconds.
    init(firstProbe: Duration = .milliseconds(250), maxProbe: Duration = .seconds(4)) {
        self.firstProbe = firstProbe
        self.maxProbe = maxProbe
        state = Mutex(State(interval: firstProbe))
    }

    /// Why the store is away, or nil when it answered last.
    var reason: String? { state.withLock { $0.reason } }
    var isAway: Bool { reason != nil }
    /// When the store was first found away (this outage).
    var since: Date? { state.withLock { $0.since } }

    /// Records that the store did not answer; true when it was available until now (an outage begins).
    /// `began` runs under the lock when it does, so a `markBack` on another thread cannot slip between
    /// the two (the ingest queue would stay paused with the store back).
    @discardableResult
    func markAway(_ why: String, began: () -> Void = {}) -> Bool {
        state.withLock { state in
            let beginning = state.reason == nil
            state.reason = why
            if beginning {
                state.since = Date()
                state.interval = firstProbe
                state.nextProbe = ContinuousClock.now + firstProbe
                began()
            }
            return beginning
        }
    }

    /// Records that the store answered; true when it was away until now (an outage ended, and `ended` ran
    /// under the lock).
    @discardableResult
    func markBack(ended: () -> Void = {}) -> Bool {
        state.withLock { state in
            let ending = state.reason != nil
            state.reason = nil
            state.since = nil
            state.interval = firstProbe
            if ending { ended() }
            return ending
        }
    }

    /// Whether it is time to ask an away store again; when it is, the next probe is pushed out by
    /// the doubled interval (so a probe that fails needs no second call).
    func probeDue(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            guard state.reason != nil, now >= state.nextProbe else { return false }
            state.interval = min(maxProbe, state.interval * 2)
            state.nextProbe = now + state.interval
            return true
        }
    }
}
