import ArgumentParser
import Daemon
import Foundation
import Logging
import PostgresStore

/// `renewald serve`: run the daemon.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: watch the inbox, ingest reports, answer queries on the socket.",
        discussion: """
            Settings come from the built-in defaults, then --config FILE (`key = value` lines: inbox, state, \
            socket, taxonomy, max_file_bytes, max_request_bytes, idle_timeout_s, max_connections, log_level, \
            store, host_name), \
            then the options below. Under systemd the listening socket is taken from socket activation \
            (FileDescriptorName=renewald) and --socket is ignored. SIGHUP reloads the taxonomy and reclassifies; \
            SIGTERM drains and stops.
            """)

    @Option(help: "Directory to watch for new reports (default /var/spool/renewald/inbox).")
    var inbox: String?

    @Option(help: "Directory for the database, archive/ and failed/ (default /var/lib/renewald).")
    var state: String?

    @Option(help: "Unix socket path to listen on (default /run/renewald/renewald.sock).")
    var socket: String?

    @Option(help: "Configuration file of `key = value` lines.")
    var config: String?

    @Option(help: "Theme taxonomy JSON file (default: the built-in themes).")
    var taxonomy: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "Where reports are stored: sqlite (the default, in --state) or a shared PostgreSQL database, postgresql://USER@/DATABASE?host=/socket/dir.")
    var store: String?

    func run() async throws {
        var configuration = try read()
        configuration.testHooks = ProcessInfo.processInfo.environment["RENEWALD_TEST_HOOKS"] == "1"
        // `reload` reads the file again and re-applies these options over it, as at start.
        let options = self
        var reread: (@Sendable () throws -> Configuration)?
        if config != nil { reread = { try options.read() } }
        try await runDaemon(configuration: configuration, reread: reread)
    }

    /// Defaults, then --config FILE, then the options.
    func read() throws -> Configuration {
        var configuration = Configuration()
        if let config {
            let text: String
            do { text = try String(contentsOfFile: config, encoding: .utf8) } catch {
                throw ValidationError("cannot read --config \(config): \(error.localizedDescription)")
            }
            do { try configuration.apply(file: text) } catch { throw ValidationError("\(config): \(error)") }
        }
        if let inbox { configuration.inbox = inbox }
        if let state { configuration.state = state }
        if let socket { configuration.socket = socket }
        if let taxonomy { configuration.taxonomy = taxonomy }
        if let logLevel { configuration.logLevel = logLevel }
        if let store {
            do { try configuration.apply(file: "store = \(store)") } catch {
                throw ValidationError("--store \(PostgresURL.isPostgres(store) ? "URL" : store): \(error)")
            }
        }
        return configuration
    }
}
