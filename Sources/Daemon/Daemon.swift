import Classify
import Dispatch
import Foundation
import Inbox
import Ingest
import Logging
import NIOConcurrencyHelpers
import QueryProtocol
import ReportModel
import Server
import Store

/// The running service: inbox watcher → ingest loop → store, and the query server beside it.
public final class Daemon: @unchecked Sendable {
    public let configuration: Configuration
    let configFile: String?
    let store: any ReportStore
    let logger: Logger
    let notifier: any ServiceNotifying
    let queue = IngestQueue()
    let started = ContinuousClock.now
    private(set) var server: QueryServer?
    private var watcher: InboxWatcher?
    private let ingestor: Ingestor
    let safety: IngestSafety
    private let instanceLock: InstanceLock
    private let shared: NIOLockedValueBox<Shared>
    private let stopped = DispatchSemaphore(value: 0)
    private let ingestDone = DispatchSemaphore(value: 0)
    private var signalSources: [DispatchSourceSignal] = []

    struct Shared {
        var builder: ReportBuilder
        var reports = 0
        var problem: String?
        /// Since start: files moved to failed/, and entries left in the inbox (counts for STATUS=).
        var failed = 0
        var parked: Set<FileName> = []
        var lastStatus = ContinuousClock.now - .seconds(10)
        var stopping = false
    }

    /// Opens the store and builds the pipeline; nothing listens or watches until `start`.
    public init(configuration: Configuration, configFile: String? = nil, logger: Logger,
                notifier: any ServiceNotifying = SilentNotifier()) throws {
        self.configuration = configuration
        self.configFile = configFile
        self.logger = logger
        self.notifier = notifier
        for directory in [configuration.state, configuration.inbox] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // One daemon per state directory: a second one refuses instead of sharing the database.
        instanceLock = try InstanceLock(stateDirectory: configuration.state)
        try InstanceLock.createPrivately(configuration.databasePath)
        let store = try SQLiteStore(path: configuration.databasePath)
        self.store = store
        ingestor = Ingestor(configuration: configuration, store: store,
                            archive: try Shelf(directory: configuration.archiveDirectory),
                            failedShelf: try Shelf(directory: configuration.failedDirectory), logger: logger)
        safety = IngestSafety(configuration: configuration, logger: logger)
        let taxonomy = try Self.loadTaxonomy(configuration.taxonomy)
        let classifier = ThemeClassifier(taxonomy: taxonomy, examples: try Self.examples(from: store))
        shared = NIOLockedValueBox(Shared(builder: ReportBuilder(classifier: classifier), reports: try store.counts().reports))
    }

    static func loadTaxonomy(_ path: String?) throws -> Taxonomy {
        guard let path else { return .builtIn }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Taxonomy(json: text)
    }

    /// A person's labels as training examples: the labelled article's text and themes.
    static func examples(from store: any ReportStore) throws -> [LabelledArticle] {
        try store.labels().compactMap { label in
            guard let report = try store.report(id: label.reportID),
                  let article = report.articles.first(where: { $0.index == label.article }) else { return nil }
            return LabelledArticle(text: ([article.title ?? ""] + article.paragraphs).joined(separator: "\n"), themes: label.themes)
        }
    }

    var builder: ReportBuilder { shared.withLockedValue { $0.builder } }
    var classifierTaxonomy: Taxonomy { builder.classifier.taxonomy }
    var currentProblem: String? { shared.withLockedValue { $0.problem } }
    var uptimeSeconds: Double { (ContinuousClock.now - started).inSeconds }

    /// Listens, watches the inbox, starts ingesting, and tells the service manager it is ready.
    public func start(endpoint: QueryServer.Endpoint? = nil) throws {
        let limits = ServerLimits(maxRequestBytes: configuration.maxRequestBytes,
                                  idleTimeout: .seconds(configuration.idleTimeoutSeconds),
                                  maxConnections: configuration.maxConnections)
        let server = QueryServer(handler: QueryService(daemon: self), limits: limits, logger: logger)
        if endpoint == nil {
            let parent = (configuration.socket as NSString).deletingLastPathComponent
            if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            // A live socket belongs to another daemon: refuse rather than steal it.
            try InstanceLock.refuseLiveSocket(configuration.socket)
        }
        try server.start(endpoint ?? .path(configuration.socket))
        self.server = server

        let watcher = try InboxWatcher(directory: configuration.inbox)
        self.watcher = watcher
        Thread.detachNewThread { [self] in
            watcher.run { event in
                switch event {
                case .file(let name, let closed): self.queue.add(name, closed: closed)
                case .overflow:
                    self.logger.warning("inotify queue overflowed; rescanning the inbox")
                    self.scanInbox()
                }
            }
        }
        scanInbox()
        Thread.detachNewThread { [self] in ingestLoop() }
        installSignalHandlers()
        let where_ = endpoint == nil ? configuration.socket : "the socket passed by systemd"
        logger.info("renewald \(QueryService.version) listening on \(where_), watching \(configuration.inbox)")
        notifier.ready(status: statusLine())
    }

    func scanInbox() {
        do {
            for name in try InboxScanner.entries(of: configuration.inbox) where !name.isInProgress { queue.add(name) }
        } catch {
            logger.error("cannot list the inbox: \(error)", metadata: ["error_code": "inbox"])
        }
    }

    /// The loop that ingests files in batches: each batch is analysed on every core while the one
    /// before it commits (`CommitLane`). It also pings the watchdog, so a wedged ingest stops the
    /// pings and systemd restarts the service.
    func ingestLoop() {
        let interval = notifier.watchdogInterval.map { $0 / 4 } ?? .seconds(1)
        let lane = CommitLane()
        safety.beat()
        safety.startPinging(notifier)
        loop: while true {
            switch queue.next(timeout: interval) {
            case .closed:
                break loop
            case .timeout:
                break
            case .item(.stall(let seconds)):
                logger.warning("debug_stall: ingest loop wedged for \(seconds) s")
                Thread.sleep(forTimeInterval: seconds)
            case .item(.file(let name)):
                let names = safety.batch(startingWith: name, queue: queue, limit: Self.batchLimit)
                let (ready, early) = safety.prepare(names, ingestor: ingestor, builder: builder, queue: queue)
                safety.beat()
                lane.submit { [self] in
                    safety.committing(for: max(60, notifier.watchdogInterval?.inSeconds ?? 60))
                    let outcomes = early + ingestor.commit(ready) { queue.queueAgain($0) }
                    safety.committing(for: nil)
                    for (name, outcome) in outcomes { report(outcome, for: name) }
                    safety.finished(names)
                    queue.finished(names)
                    // Throttled while a backlog lasts; the update after the last batch always goes out.
                    updateStatus(force: queue.pending == 0)
                }
            }
            safety.beat()
            updateStatus()
        }
        lane.drain()
        ingestDone.signal()
    }

    /// Files taken together in a burst: analysed on every core, committed in one transaction.
    static let batchLimit = 256

    func report(_ outcome: Ingestor.Outcome, for name: FileName) {
        if case .parked = outcome {} else { _ = shared.withLockedValue { $0.parked.remove(name) } }
        switch outcome {
        case .ignored:
            queue.settled(name)
            shared.withLockedValue { $0.problem = nil }
        case .settling(let seconds):
            // Found without seeing its writer close it: taken once it has stopped changing.
            logger.debug("\(name.escaped) changed \(String(format: "%.1f", configuration.settleSeconds - seconds)) s ago; waiting for it to settle",
                         metadata: ["file": "\(name.escaped)"])
            queue.retryLater(name, after: seconds)
        case .parked(let why):
            // Logged once; looked at again only when the inbox reports a change to it.
            queue.settled(name)
            shared.withLockedValue { $0.problem = nil; $0.parked.insert(name) }
            logger.error("\(name.escaped) is left in the inbox: \(why)",
                         metadata: ["file": "\(name.escaped)", "error_code": "parked"])
        case .waiting:
            // Still open for writing; its close event re-queues it, the slow retry is a safety net.
            logger.debug("\(name.escaped) is still being written; waiting", metadata: ["file": "\(name.escaped)"])
            queue.retryLater(name)
        case .retry(let why):
            logger.warning("\(why); will retry", metadata: ["file": "\(name.escaped)", "error_code": "retry"])
            shared.withLockedValue { $0.problem = why }
            queue.retryLater(name)
        case .failed(let failure):
            queue.settled(name)
            shared.withLockedValue { $0.problem = nil; $0.failed += 1 }
            logger.error("could not ingest \(FileName(failure.file).escaped): \(failure.reason)",
                         metadata: ["file": "\(FileName(failure.file).escaped)", "error_code": "\(failure.code)"])
            server?.publish(kind: "failed", event: .object([
                ("event", .string("failed")), ("file", .string(failure.file)), ("code", .string(failure.code)),
                ("reason", .string(failure.reason)), ("path", .optional(failure.path)),
            ]))
        case .ingested(let report, let new):
            queue.settled(name)
            shared.withLockedValue {
                $0.problem = nil
                if new { $0.reports += 1 }
            }
            let themes = report.themes.map(\.id)
            logger.info("ingested \(name.escaped) as \(report.id)\(new ? "" : " (already stored)")",
                        metadata: ["file": "\(name.escaped)", "report_id": "\(report.id)", "themes": .array(themes.map { .string($0) })])
            server?.publish(kind: "ingested", event: .object([
                ("event", .string("ingested")), ("report", .string(report.id)), ("file", .string(name.description)),
                ("themes", .strings(themes)), ("new", .bool(new)),
            ]))
        }
    }

    /// `STATUS=`, which every local user can read (`systemctl status`): counts only, never a file
    /// name (the problem's text, which names the file, is in `stats` and the journal).
    func statusLine() -> String {
        let (reports, problem, failed, parked) = shared.withLockedValue { ($0.reports, $0.problem, $0.failed, $0.parked.count) }
        var line = "watching the inbox; \(reports.formatted()) reports; \(queue.pending) pending"
        if failed > 0 { line += "; \(failed) failed" }
        if parked > 0 { line += "; \(parked) left in the inbox" }
        if problem != nil { line += "; 1 problem (see stats)" }
        return line
    }

    func updateStatus(force: Bool = false) {
        let due = shared.withLockedValue { shared -> Bool in
            guard force || ContinuousClock.now - shared.lastStatus >= .seconds(1) else { return false }
            shared.lastStatus = ContinuousClock.now
            return true
        }
        if due { notifier.status(statusLine()) }
    }

    /// Re-reads the configuration's taxonomy and the labels, and reclassifies every stored report.
    public func reload() throws -> Int {
        notifier.reloading()
        defer { notifier.ready(status: statusLine()) }
        var configuration = self.configuration
        if let configFile {
            try configuration.apply(file: try String(contentsOfFile: configFile, encoding: .utf8))
        }
        let taxonomy = try Self.loadTaxonomy(configuration.taxonomy)
        let builder = try rebuildBuilder(taxonomy: taxonomy)
        let count = try store.rewriteAll { builder.reclassify($0) }
        logger.notice("reloaded: \(taxonomy.themes.count) themes, \(count) reports reclassified")
        return count
    }

    func rebuildBuilder(taxonomy: Taxonomy? = nil) throws -> ReportBuilder {
        let classifier = ThemeClassifier(taxonomy: taxonomy ?? classifierTaxonomy, examples: try Self.examples(from: store))
        return shared.withLockedValue {
            $0.builder = ReportBuilder(classifier: classifier)
            return $0.builder
        }
    }

    /// Stores a person's themes for one article and retrains the classifier with them.
    func label(report id: String, article index: Int, themes: [String], primary: String?) throws -> Report {
        guard var report = try store.report(id: id) else { throw ProtocolError(.notFound, "no report with id \(id)") }
        guard let position = report.articles.firstIndex(where: { $0.index == index }) else {
            throw ProtocolError(.notFound, "report \(id) has no article \(index)")
        }
        try store.saveLabel(Label(reportID: id, article: index, themes: themes, primary: primary, at: Timestamp.now()))
        report.articles[position].themes = themes.map { ThemeScore(id: $0, score: 1, evidence: [], cues: []) }
        report.articles[position].primaryTheme = primary ?? themes.first
        report.articles[position].themesBy = "person"
        report = try rebuildBuilder().reclassify(report)
        try store.update(report)
        logger.info("labelled article \(index) of \(id): \(themes.joined(separator: ","))", metadata: ["report_id": "\(id)"])
        return report
    }

    func installSignalHandlers() {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        signal(SIGHUP, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        for sig in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { @Sendable [self] in stopped.signal() }
            source.resume()
            signalSources.append(source)
        }
        let hup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hup.setEventHandler { @Sendable [self] in
            do {
                _ = try reload()
            } catch {
                logger.error("reload failed: \(error)", metadata: ["error_code": "reload"])
                notifier.ready(status: statusLine())
            }
        }
        hup.resume()
        signalSources.append(hup)
    }

    /// Blocks until SIGTERM/SIGINT, then drains and stops.
    public func waitForShutdown() {
        stopped.wait()
        shutdown()
    }

    /// Requests a stop from another thread (tests).
    public func requestShutdown() { stopped.signal() }

    /// Stop taking files, finish the file in hand, answer requests in flight, close.
    func shutdown() {
        notifier.stopping(status: "stopping: finishing the file in hand and requests in flight")
        logger.info("stopping")
        shared.withLockedValue { $0.stopping = true }
        watcher?.stop()
        queue.close()
        _ = ingestDone.wait(timeout: .now() + 30)
        server?.shutdown()
        logger.info("stopped")
    }
}

extension Duration {
    /// The duration as fractional seconds.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
