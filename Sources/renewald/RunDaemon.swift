import Daemon
import Logging
import Server
import Systemd

/// Builds and runs the daemon: the one place that bootstraps logging and talks to the service manager.
func runDaemon(configuration: Configuration, reread: (@Sendable () throws -> Configuration)?) async throws {
    let level = SharedLogLevel(Logger.Level(rawValue: configuration.logLevel) ?? .info)
    // Under systemd, structured entries (REPORT_ID=, FILE=, …) go to journald natively.
    let toJournal = JournalDetection.stderrIsJournal()
    LoggingSystem.bootstrap { label in
        let handler: any LogHandler =
            toJournal ? JournalLogHandler(label: label) : StreamLogHandler.standardError(label: label)
        return LevelFollowingHandler(inner: handler, level: level)
    }
    let logger = Logger(label: "renewald")
    let daemon = try Daemon(configuration: configuration, reread: reread, logger: logger, notifier: ServiceNotifier()) { next in
        level.set(Logger.Level(rawValue: next.logLevel) ?? .info)
    }
    // Socket activation: the socket unit's FileDescriptorName=renewald; otherwise bind --socket.
    let endpoint = ListenedSockets.take(named: "renewald").map { QueryServer.Endpoint.inherited(fd: $0) }
    try await daemon.run(endpoint: endpoint)
}

extension ServiceNotifier: ServiceNotifying {}
