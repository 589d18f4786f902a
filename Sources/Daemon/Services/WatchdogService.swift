import ServiceLifecycle

/// Pings systemd's watchdog each time the heartbeat shows progress (the ingest loop beats at least
/// every quarter interval; a reload beats as it goes), or while the loop is analysing or committing
/// a batch, and only while every file in hand is within its analysis limit.
struct WatchdogService: Service {
    let notifier: any ServiceNotifying
    let heartbeat: Heartbeat
    /// Vouches for the ingest loop while it analyses a long batch within the per-file limits.
    var safety: IngestSafety? = nil

    func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        heartbeat.pingIfAlive { notifier.watchdogPing() }
        // Cancelled when the group reaches this service's turn to stop, so shutdown does not wait a tick.
        try? await cancelWhenGracefulShutdown { [notifier, heartbeat, safety] in
            while !Task.isCancelled {
                try await Task.sleep(for: interval / 8)
                guard safety?.isWithinLimits(interval: interval) ?? true else { continue }
                heartbeat.pingIfAlive(busy: safety?.isBusy(interval: interval) ?? false) { notifier.watchdogPing() }
            }
        }
    }
}

extension IngestSafety {
    /// No file in hand is past its analysis limit (plus half an interval to notice).
    func isWithinLimits(interval: Duration) -> Bool { vouches(interval: interval, loopAge: .zero) }

    /// The loop is analysing or committing a batch, within the limits: a long batch of large files
    /// is not a wedged loop, though it does not beat meanwhile.
    func isBusy(interval: Duration) -> Bool { vouches(interval: interval, loopAge: interval) }
}
