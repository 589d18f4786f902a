import Daemon
import Logging
import Server
import Systemd

/// Builds and runs the daemon: the one place that bootstraps logging and talks to the service manager.
func runDaemon(configuration: Configuration, configFile: String?) throws {
    let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
    // Under systemd, structured entries (REPORT_ID=, FILE=, …) go to journald natively.
    let toJournal = JournalDetection.stderrIsJournal()
    LoggingSystem.bootstrap { label in
        var handler: any LogHandler =
            toJournal ? JournalLogHandler(label: label) : StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    let logger = Logger(label: "renewald")
    let daemon = try Daemon(configuration: configuration, configFile: configFile, logger: logger,
                            notifier: ServiceNotifier())
    // Socket activation: the socket unit's FileDescriptorName=renewald; otherwise bind --socket.
    let endpoint = ListenedSockets.take(named: "renewald").map { QueryServer.Endpoint.inherited(fd: $0) }
    try daemon.start(endpoint: endpoint)
    daemon.waitForShutdown()
}

extension ServiceNotifier: ServiceNotifying {}
