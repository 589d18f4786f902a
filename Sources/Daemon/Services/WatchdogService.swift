import ServiceLifecycle

/// Pings systemd's watchdog each time the heartbeat shows progress (the ingest loop beats at least
/// every quarter interval; a reload beats as it goes).
struct WatchdogService: Service {
    let notifier: any ServiceNotifying
    let heartbeat: Heartbeat

    func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        heartbeat.pingIfAlive { notifier.watchdogPing() }
        // Cancelled when the group reaches this service's turn to stop, so shutdown does not wait a tick.
        try? await cancelWhenGracefulShutdown { [notifier, heartbeat] in
            while !Task.isCancelled {
                try await Task.sleep(for: interval / 8)
                heartbeat.pingIfAlive { notifier.watchdogPing() }
            }
        }
    }
}
