import Daemon
import Logging

/// Builds and runs the daemon: the one place that bootstraps logging and talks to the service manager.
func runDaemon(configuration: Configuration, configFile: String?) throws {
    let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    let logger = Logger(label: "renewald")
    let daemon = try Daemon(configuration: configuration, configFile: configFile, logger: logger)
    try daemon.start()
    daemon.waitForShutdown()
}
