import ServiceLifecycle

/// Pings systemd's watchdog every quarter interval while the heartbeat (the ingest loop, a reload in
/// progress) is fresh, or the loop is analysing or committing files within their limits.
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
        notifier.watchdogPing()
        // Cancelled when the group reaches this service's turn to stop, so shutdown does not wait a tick.
        try? await cancelWhenGracefulShutdown { [notifier, heartbeat, safety] in
            while !Task.isCancelled {
                try await Task.sleep(for: interval / 4)
                // A loop that has not come round for a whole interval is wedged: stop vouching for it.
                let well = safety?.vouches(interval: interval, loopAge: heartbeat.age) ?? (heartbeat.age < interval)
                if well { notifier.watchdogPing() }
            }
        }
    }
}
