import Foundation
import Logging
import ReportModel
import Server
import Store
import Synchronization
import Testing
@testable import Daemon

/// Issue 14, `subscribe` across hosts, the daemon's half (the log itself is the PostgreSQL store's):
/// events wait while the log cannot be reached and go in order once it can; a follower reads on from
/// the last number it read, skips its own host's events, and pages through long runs.
@Suite struct SharedEventsTests {
    static func event(_ n: Int) -> JSONValue {
        .object([("event", .string("ingested")), ("report", .string(String(format: "%016x", n))), ("new", .bool(true))])
    }

    @Test func theOutboxKeepsEventsWhileTheLogIsAwayAndSendsThemInOrder() throws {
        let log = MemoryEventLog(host: "a")
        let outbox = SharedEventOutbox(log: log)
        outbox.send([Self.event(1)])
        log.setAway(true)
        outbox.send([Self.event(2), Self.event(3)])
        outbox.send([Self.event(4)])
        #expect(log.all().count == 1)
        log.setAway(false)
        outbox.send([])
        let numbers = log.all().map { try? JSONValue.parse(bytes: Array($0.json.utf8))["report"]?.stringValue }
        #expect(numbers == (1...4).map { String(format: "%016x", $0) }, "every event once, in order")
        outbox.send([])
        #expect(log.all().count == 4, "nothing sent twice")
    }

    @Test func aFollowerReadsOnFromItsLastNumberAndSkipsItsOwnHost() throws {
        let log = MemoryEventLog(host: "a")
        for n in 0..<1203 { log.appendRaw(host: n % 3 == 0 ? "a" : "b", json: Self.event(n).serialized()) }
        let service = SharedEventsService(log: log, server: QueryServer(limits: Daemon.limits(Configuration()), logger: Logger(label: "test")),
                                          logger: Logger(label: "test"))
        #expect(try service.relay(after: 0) == 1203, "pages of 500 until the end")
        #expect(try service.relay(after: 1203) == 1203, "nothing new, nothing read")
        log.appendRaw(host: "b", json: Self.event(9999).serialized())
        #expect(try service.relay(after: 1203) == 1204)
    }

    @Test func anotherHostsLabelOrReloadRetrainsThisOne() throws {
        let log = MemoryEventLog(host: "a")
        let told = Mutex(0)
        let service = SharedEventsService(log: log, server: QueryServer(limits: Daemon.limits(Configuration()), logger: Logger(label: "test")),
                                          logger: Logger(label: "test")) { told.withLock { $0 += 1 } }
        log.appendRaw(host: "b", json: Self.event(1).serialized())
        try log.appendEvents([(SharedEventOutbox.classifierKind, "{}")])   // this host's own: already retrained
        log.appendRaw(host: "b", json: "{}", kind: SharedEventOutbox.classifierKind)
        #expect(try service.relay(after: 0) == 3)
        #expect(told.withLock { $0 } == 1)
    }
}

/// A shared event log in memory, numbered from 1, that can be made unreachable.
final class MemoryEventLog: SharedEventLog {
    let host: String
    private let state = Mutex<(events: [SharedEvent], away: Bool)>(([], false))

    init(host: String) { self.host = host }

    func setAway(_ on: Bool) { state.withLock { $0.away = on } }
    func all() -> [SharedEvent] { state.withLock { $0.events } }

    func appendRaw(host: String, json: String, kind: String = "ingested") {
        state.withLock { $0.events.append(SharedEvent(number: Int64($0.events.count + 1), host: host, kind: kind, json: json)) }
    }

    func appendEvents(_ events: [(kind: String, json: String)]) throws {
        try state.withLock { state in
            if state.away { throw StoreError.unavailable("test") }
            for event in events {
                state.events.append(SharedEvent(number: Int64(state.events.count + 1), host: host, kind: event.kind, json: event.json))
            }
        }
    }

    func newestEventNumber() throws -> Int64 { Int64(state.withLock { $0.events.count }) }

    func events(after number: Int64, limit: Int) throws -> [SharedEvent] {
        state.withLock { Array($0.events.dropFirst(Int(number)).prefix(limit)) }
    }

    func waitForEvents(timeout: Duration) throws {}

    func exclusively<T>(_ work: String, _ body: () throws -> T) throws -> T { try body() }
}
