import Foundation
import Logging
import ReportModel
import Server
import ServiceLifecycle
import Store
import Synchronization

/// Relays the events other hosts sharing the store published to this host's subscribers, so a
/// `subscribe` on any host hears every host's reports.
///
/// It remembers the number of the last event it read and reads on from there after every wake-up —
/// a notification, a timeout, or a reconnect after the database was away — so no event is lost or
/// heard twice; this host's own events are skipped (its subscribers heard them when they happened).
final class SharedEventsService: Service, Sendable {
    let log: any SharedEventLog
    let server: QueryServer
    let logger: Logger
    /// Told when another host labelled or reloaded: the stored themes and labels changed.
    let classifierChanged: @Sendable () -> Void
    private let stopped = Mutex(false)
    /// How long one wait for a notification lasts at most (and so how late a stop is noticed).
    static let wait: Duration = .seconds(2)

    init(log: any SharedEventLog, server: QueryServer, logger: Logger, classifierChanged: @escaping @Sendable () -> Void = {}) {
        self.log = log
        self.classifierChanged = classifierChanged
        self.server = server
        self.logger = logger
    }

    func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await Blocking.run("renewald-events") { [self] in follow() }
        } onCancelOrGracefulShutdown: { [self] in
            stop()
        }
    }

    var isStopped: Bool { stopped.withLock { $0 } }

    func stop() { stopped.withLock { $0 = true } }

    func follow() {
        var last: Int64?
        var backoff = 0.25
        while !isStopped {
            do {
                if last == nil { last = try log.newestEventNumber() }
                try log.waitForEvents(timeout: Self.wait)
                last = try relay(after: last ?? 0)
                backoff = 0.25
            } catch {
                // The database is away or the listening connection broke: read on from `last` later.
                logger.debug("cannot read other hosts' events: \(error); trying again in \(backoff) s")
                Thread.sleep(forTimeInterval: backoff)
                backoff = min(4, backoff * 2)
            }
        }
    }

    /// Publishes every event after `number` from other hosts; returns the number of the last one read.
    func relay(after number: Int64) throws -> Int64 {
        var last = number
        while true {
            let events = try log.events(after: last, limit: 500)
            for event in events where event.host != log.host {
                if event.kind == SharedEventOutbox.classifierKind {
                    classifierChanged()
                    continue
                }
                guard let value = try? JSONValue.parse(bytes: Array(event.json.utf8)) else { continue }
                server.publish(kind: event.kind, event: value)
            }
            last = events.last?.number ?? last
            if events.count < 500 { return last }
        }
    }
}

/// This host's events on their way to the shared log: a batch that cannot be appended (the database
/// is away) waits here and goes with the next one, in order.
final class SharedEventOutbox: Sendable {
    let log: any SharedEventLog
    private let waiting = Mutex<[(kind: String, json: String)]>([])
    /// Events kept at most while the database is away; older ones are dropped first.
    static let capacity = 100_000

    init(log: any SharedEventLog) { self.log = log }

    /// The kind of the event that tells other hosts to retrain (never sent to subscribers).
    static let classifierKind = "classifier"

    /// Appends `events` after any still waiting; keeps them all when the log cannot be reached.
    func send(_ events: [JSONValue]) {
        waiting.withLock { waiting in
            waiting += events.compactMap { event in event["event"]?.stringValue.map { ($0, event.serialized()) } }
            guard !waiting.isEmpty else { return }
            do {
                try log.appendEvents(waiting)
                waiting = []
            } catch {
                if waiting.count > Self.capacity { waiting.removeFirst(waiting.count - Self.capacity) }
            }
        }
    }
}
