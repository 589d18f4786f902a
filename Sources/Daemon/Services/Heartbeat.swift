import Synchronization

/// When the ingest loop last showed it is alive. The watchdog pings systemd only while this is
/// recent, so a wedged ingest loop (a file that never finishes) still gets the daemon restarted.
final class Heartbeat: Sendable {
    private let last = Mutex(ContinuousClock.now)

    func beat() { last.withLock { $0 = .now } }

    /// How long ago the last beat was.
    var age: Duration { ContinuousClock.now - last.withLock { $0 } }
}
