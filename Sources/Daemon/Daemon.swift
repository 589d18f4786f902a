import ChineseScript
import Foundation
import Inbox
import Logging
import Server
import ServiceLifecycle
import Store
import UnixSignals

/// The running service, wired together: the query server, the inbox watcher, the ingest loop,
/// the watchdog and the SIGHUP reload, each a `Service` under one `ServiceGroup` that owns the
/// signals and the shutdown order. Every state mutation goes through `state`.
public struct Daemon: Sendable {
    public let configuration: Configuration
    let store: any ReportStore
    let state: RuntimeState
    let status: IngestStatus
    let queue: IngestQueue
    let server: QueryServer
    let feed: InboxFeed
    let watching: InboxWatching
    let ingestLoop: IngestLoop
    /// Runs `batch_command` after each batch.
    let batchCommand: BatchCommand
    let heartbeat: Heartbeat
    let safety: IngestSafety
    /// Held for the daemon's life: one daemon per state directory.
    let instanceLock: InstanceLock
    let started = ContinuousClock.now
    let notifier: any ServiceNotifying
    let logger: Logger

    /// Opens the store, builds the pipeline and starts watching the inbox (events queue up); nothing
    /// is ingested or answered until `run`.
    ///
    /// - Parameters:
    ///   - reread: reads the configuration again as the entry point did, for `reload`; nil when
    ///     there is no file to re-read.
    ///   - store: the store to use instead of the one the configuration names (tests: a store that fails).
    ///   - applied: told the configuration after each reload, for what the entry point owns (the log level).
    public init(configuration: Configuration, reread: (@Sendable () throws -> Configuration)? = nil, logger: Logger,
                notifier: any ServiceNotifying = SilentNotifier(), store given: (any ReportStore)? = nil,
                applied: @escaping @Sendable (Configuration) -> Void = { _ in }) throws {
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        for directory in [configuration.state, configuration.inbox] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // One daemon per state directory: a second one refuses instead of sharing the database.
        instanceLock = try InstanceLock(stateDirectory: configuration.state)
        let store = try given ?? configuration.openStore(logger: logger)
        self.store = store
        let queue = IngestQueue()
        self.queue = queue
        // A database away at start is not fatal: the daemon listens, keeps files in the inbox, and
        // takes them once the store answers (see `StoreAvailability`).
        var reports = 0
        var away: String?
        do { reports = try store.counts().reports } catch {
            guard let why = StoreError.unavailableReason(error) else { throw error }
            away = why
        }
        let status = IngestStatus(inbox: configuration.inbox, queue: queue, notifier: notifier, reports: reports)
        self.status = status
        if let away { status.storeAway(away, logger: logger) }
        let server = QueryServer(limits: Self.limits(configuration), logger: logger)
        self.server = server
        let heartbeat = Heartbeat()
        self.heartbeat = heartbeat
        state = try RuntimeState(configuration: configuration, reread: reread, store: store, logger: logger,
                                 notifier: notifier, status: status, heartbeat: heartbeat) { next in
            server.update(Self.limits(next))
            applied(next)
        }
        let ingestor = Ingestor(configuration: configuration, store: store,
                                archive: try Shelf(directory: configuration.archiveDirectory),
                                failedShelf: try Shelf(directory: configuration.failedDirectory), logger: logger,
                                storeAway: { status.availability.isAway })
        let safety = IngestSafety(configuration: configuration, logger: logger)
        self.safety = safety
        let current = state
        let batchCommand = BatchCommand(logger: logger) {
            let configuration = current.configuration
            return (configuration.batchCommand, configuration.batchTimeout)
        }
        self.batchCommand = batchCommand
        ingestLoop = IngestLoop(queue: queue, state: state, status: status, heartbeat: heartbeat, server: server,
                                ingestor: ingestor, safety: safety, batchCommand: batchCommand, idleBeat: notifier.watchdogInterval.map { $0 / 4 } ?? .seconds(1),
                                logger: logger, outbox: (store as? any SharedEventLog).map(SharedEventOutbox.init))
        watching = try InboxWatching(configuration: configuration, logger: logger,
                                     interval: { current.configuration.pollInterval },
                                     settle: { current.configuration.settleSeconds })
        feed = InboxFeed(directory: configuration.inbox, queue: queue, logger: logger)
    }

    static func limits(_ configuration: Configuration) -> ServerLimits {
        ServerLimits(maxRequestBytes: configuration.maxRequestBytes, idleTimeout: .seconds(configuration.idleTimeoutSeconds),
                     maxConnections: configuration.maxConnections)
    }

    /// The op handler over this daemon's state (tests call it without a socket).
    var queryService: QueryService {
        QueryService(context: QueryContext(store: store, state: state, queue: queue, status: status, server: server,
                                           watching: watching, started: started, logger: logger),
                     testHooks: configuration.testHooks)
    }

    /// Listens on `endpoint` (or the configured socket path), tells the service manager it is ready,
    /// and runs until SIGTERM or SIGINT, then stops taking files, finishes the batch in hand,
    /// answers requests in flight, and returns.
    public func run(endpoint: QueryServer.Endpoint? = nil) async throws {
        try start(endpoint: endpoint)
        try await serviceGroup().run()
        logger.info("stopped")
    }

    /// Listens, queues what is in the inbox, and sends READY; the services start with the group.
    func start(endpoint: QueryServer.Endpoint? = nil) throws {
        signal(SIGPIPE, SIG_IGN)
        // Until the reload service traps it, a SIGHUP must not end the daemon.
        signal(SIGHUP, SIG_IGN)
        if endpoint == nil {
            let parent = (configuration.socket as NSString).deletingLastPathComponent
            if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            // A live socket belongs to another daemon: refuse rather than steal it.
            try InstanceLock.refuseLiveSocket(configuration.socket)
        }
        try server.start(endpoint ?? .path(configuration.socket), handler: queryService)
        watching.startupScan(feed)
        safety.startMonitoring()
        let where_ = endpoint == nil ? configuration.socket : "the socket passed by systemd"
        logger.info("renewald \(QueryService.version) listening on \(where_), watching \(configuration.inbox) \(watching.description)")
        AnalysisPriority.check(logger: logger)
        if !SimplifiedChinese.isOpenCCAvailable {
            logger.warning("OpenCC's t2s.json cannot be opened (is libopencc-data installed?): traditional Chinese is converted character by character")
        }
        notifier.ready(status: status.line)
    }

    /// The services in start order; the group stops them in reverse, each once the one before it
    /// has finished: the stop notice, the SIGHUP reload, the ingest loop (it closes the queue, so
    /// the watcher's late events are dropped, and finishes the batch in hand), the server (answers
    /// what is in flight, refuses the rest), the watcher, and the watchdog last, so systemd hears
    /// from us until the end.
    func serviceGroup() -> ServiceGroup {
        // With a store shared by several hosts, their events reach this host's subscribers too.
        let sharedEvents: [ServiceGroupConfiguration.ServiceConfiguration] = (store as? any SharedEventLog).map {
            [.init(service: SharedEventsService(log: $0, server: server, logger: logger) { [state] in state.storeCameBack() })]
        } ?? []
        return ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: WatchdogService(notifier: notifier, heartbeat: heartbeat, safety: safety)),
                .init(service: InboxWatchService(watching: watching, inbox: feed)),
                .init(service: QueryServerService(server: server)),
            ] + sharedEvents + [
                .init(service: ingestLoop),
                .init(service: HangupReloadService(state: state)),
                .init(service: Stopping(notifier: notifier, heartbeat: heartbeat, logger: logger)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
    }
}

/// Tells the service manager and the journal that a stop began; first to hear of it.
struct Stopping: Service {
    let notifier: any ServiceNotifying
    let heartbeat: Heartbeat
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        // No watchdog ping after STOPPING=1: the stop is bounded by TimeoutStopSec instead.
        heartbeat.stop { notifier.stopping(status: "stopping: finishing the file in hand and requests in flight") }
        logger.info("stopping")
    }
}

extension Duration {
    /// The duration as fractional seconds.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
