import Foundation
import Inbox
import Pipeline
import Logging
import ReportModel
import Server
import ServiceLifecycle
import Store

/// The loop that ingests files in batches, on a thread of its own: each batch is analysed on every
/// core while the one before it commits (`CommitLane`) through the state's single mutation lane.
/// Each round beats the heartbeat the watchdog checks, so a wedged ingest gets the daemon restarted.
final class IngestLoop: Service, Sendable {
    let queue: IngestQueue
    let state: RuntimeState
    let status: IngestStatus
    let heartbeat: Heartbeat
    let server: QueryServer
    let logger: Logger
    /// The ingestor with the shelves; its configuration is replaced by the one in force for each batch.
    let ingestor: Ingestor
    /// How long the loop waits for work before beating again.
    let idleBeat: Duration
    /// Batches by bytes, per-file limits, the in-hand record.
    let safety: IngestSafety
    /// Told each batch's events, for `batch_command`.
    let batchCommand: BatchCommand
    /// Carries this host's events to the other hosts sharing the store; nil with a store of its own.
    let outbox: SharedEventOutbox?

    init(queue: IngestQueue, state: RuntimeState, status: IngestStatus, heartbeat: Heartbeat, server: QueryServer,
         ingestor: Ingestor, safety: IngestSafety, batchCommand: BatchCommand, idleBeat: Duration, logger: Logger,
         outbox: SharedEventOutbox? = nil) {
        self.outbox = outbox
        self.safety = safety
        self.batchCommand = batchCommand
        self.queue = queue
        self.state = state
        self.status = status
        self.heartbeat = heartbeat
        self.server = server
        self.ingestor = ingestor
        self.idleBeat = idleBeat
        self.logger = logger
    }

    /// Files taken together in a burst: analysed on every core, committed in one transaction.
    static let batchLimit = 256

    func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await Blocking.run("renewald-ingest") { [self] in loop() }
        } onCancelOrGracefulShutdown: { [queue] in
            // Stop taking files; the batch in hand is finished and committed before `loop` returns.
            queue.close()
        }
    }

    func loop() {
        let lane = CommitLane()
        heartbeat.beat()
        loop: while true {
            probeStore()
            // While the store is away, wake often enough to ask it when the backoff says so.
            let wait = status.availability.isAway ? min(idleBeat, status.availability.firstProbe) : idleBeat
            switch queue.next(timeout: wait) {
            case .closed:
                break loop
            case .timeout:
                break
            case .item(.stall(let seconds)):
                logger.warning("debug_stall: ingest loop wedged for \(seconds) s")
                Thread.sleep(forTimeInterval: seconds)
            case .item(.file(let name)):
                let snapshot = state.snapshot
                let names = safety.batch(startingWith: name, queue: queue, limit: Self.batchLimit, configuration: snapshot.configuration)
                let ingestor = self.ingestor.with(snapshot.configuration)
                let (ready, early) = safety.prepare(names, ingestor: ingestor, builder: snapshot.builder, queue: queue,
                                                    configuration: snapshot.configuration)
                heartbeat.beat()
                lane.submit { [self] in
                    safety.committing(true)
                    let outcomes = early + state.commit(ready, analysedBy: snapshot.generation, with: ingestor) { queue.queueAgain($0) }
                    safety.committing(false)
                    let events = outcomes.compactMap { name, outcome in report(outcome, for: name) }
                    batchCommand.submit(events)
                    outbox?.send(events)
                    safety.finished(names)
                    queue.finished(names)
                    // Throttled while a backlog lasts; the update after the last batch always goes out.
                    status.update(force: queue.pending == 0)
                }
            }
            heartbeat.beat()
            status.update()
        }
        lane.close()
        batchCommand.stop()
    }

    /// Asks an away store whether it answers again (when the backoff says it is time); once it does,
    /// the files waiting in the inbox are handed out again. No person needs to step in.
    func probeStore() {
        guard status.availability.probeDue() else { return }
        let since = status.availability.since
        do {
            let counts = try state.store.counts()
            if status.storeBack(reports: counts.reports) {
                let away = since.map { String(format: "%.1f", Date().timeIntervalSince($0)) } ?? "?"
                logger.notice("the database answers again after \(away) s; taking the \(queue.pending) files waiting in the inbox",
                              metadata: ["error_code": "store_unavailable"])
                state.storeCameBack()
                outbox?.send([])   // events of batches told while the database was away
            }
        } catch {
            // Still away (the backoff was pushed out by `probeDue`); any other error says it answered.
            if let why = StoreError.unavailableReason(error) {
                status.availability.markAway(why)
            } else {
                status.storeBack(reports: nil)
                logger.warning("the database answers again, but counting reports failed: \(error)")
            }
        }
    }

    /// Logs, counts and publishes one file's outcome; returns the event published, if any.
    @discardableResult
    func report(_ outcome: Ingestor.Outcome, for name: FileName) -> JSONValue? {
        if case .parked = outcome {} else { status.unparked(name) }
        switch outcome {
        case .settling(let seconds):
            // Found without seeing its writer close it: taken once it has stopped changing.
            logger.debug("\(name.escaped) changed recently; looking again in \(String(format: "%.1f", seconds)) s",
                         metadata: ["file": "\(name.escaped)"])
            queue.retryLater(name, after: seconds)
        case .parked(let why):
            // Logged once; looked at again only when the inbox reports a change to it.
            queue.settled(name)
            status.parked(name)
            logger.error("\(name.escaped) is left in the inbox: \(why)",
                         metadata: ["file": "\(name.escaped)", "error_code": "parked"])
        case .ignored:
            queue.settled(name)
            status.setProblem(nil)
        case .waiting:
            // Still open for writing; its close event re-queues it, the slow retry is a safety net.
            logger.debug("\(name.escaped) is still being written; waiting", metadata: ["file": "\(name.escaped)"])
            queue.retryLater(name)
        case .storeAway(let why):
            // Held, not failed: due again at once, handed out when the queue resumes.
            status.storeAway(why, logger: logger)
            queue.retryLater(name, after: 0)
        case .retry(let why):
            logger.warning("\(why); will retry", metadata: ["file": "\(name.escaped)", "error_code": "retry"])
            status.setProblem(why)
            queue.retryLater(name)
        case .failed(let failure):
            queue.settled(name)
            status.failed()
            logger.error("could not ingest \(FileName(failure.file).escaped): \(failure.reason)",
                         metadata: ["file": "\(FileName(failure.file).escaped)", "error_code": "\(failure.code)"])
            let event = JSONValue.object([
                ("event", .string("failed")), ("file", .string(failure.file)), ("code", .string(failure.code)),
                ("reason", .string(failure.reason)), ("path", .optional(failure.path)),
            ])
            server.publish(kind: "failed", event: event)
            return event
        case .ingested(let report, let new):
            queue.settled(name)
            status.stored(new: new)
            let themes = report.themes.map(\.id)
            logger.info("ingested \(name.escaped) as \(report.id)\(new ? "" : " (already stored)")",
                        metadata: ["file": "\(name.escaped)", "report_id": "\(report.id)", "themes": .array(themes.map { .string($0) })])
            let event = JSONValue.object([
                ("event", .string("ingested")), ("report", .string(report.id)), ("file", .string(name.description)),
                ("tag", .optional(name.folder?.description)), ("themes", .strings(themes)), ("new", .bool(new)),
            ])
            server.publish(kind: "ingested", event: event)
            return event
        }
        return nil
    }
}

extension Ingestor {
    /// The same ingestor under another configuration (after a reload changed `max_file_bytes`).
    func with(_ configuration: Configuration) -> Ingestor {
        Ingestor(configuration: configuration, store: store, archive: archive, failedShelf: failedShelf, logger: logger,
                 storeAway: storeAway)
    }
}
