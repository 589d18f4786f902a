import Synchronization

/// Whether the ingest loop (or a reload it waits for) is making progress, for the watchdog: it
/// pings systemd only after a beat since its last ping, so a wedged ingest loop (a file that never
/// finishes) stops the pings and gets the daemon restarted. Once the stop begins it never pings again.
final class Heartbeat: Sendable {
    private struct Beats {
        var count = 0
        var vouchedFor = -1
        var stopped = false
    }

    private let beats = Mutex(Beats())

    func beat() { beats.withLock { $0.count += 1 } }

    /// Calls `ping` when there was a beat since the last call that pinged (or the loop is `busy` with
    /// a batch), and the stop has not begun. Under the lock, so no ping can follow `stop`'s notice.
    func pingIfAlive(busy: Bool = false, _ ping: () -> Void) {
        beats.withLock { beats in
            guard !beats.stopped, busy || beats.count != beats.vouchedFor else { return }
            beats.vouchedFor = beats.count
            ping()
        }
    }

    /// Ends the pings, then calls `notice` (STOPPING=1), under the lock.
    func stop(_ notice: () -> Void) {
        beats.withLock { beats in
            beats.stopped = true
            notice()
        }
    }
}
