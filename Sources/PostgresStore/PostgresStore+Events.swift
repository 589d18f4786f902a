import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Store

/// `subscribe` across hosts and the collection-wide lock (`SharedEventLog`).
///
/// Each host appends its events of a batch to the table `event` in one short transaction that holds
/// an advisory lock until it commits: event numbers are then handed out in commit order, so a host
/// that reads on from the last number it saw never skips an event committed late under a smaller
/// number. The same transaction sends one `NOTIFY renewald_events`; every host LISTENs on a connection
/// of its own and, woken or not, reads on from its last number, so a lost notification or a reconnect
/// costs latency, never an event.
extension PostgresStore: SharedEventLog {
    /// The channel every host LISTENs on.
    static let eventChannel = "renewald_events"
    /// The advisory lock that orders event numbers ("rnwevent" in ASCII).
    static let eventLock: Int64 = 0x726E_7765_7665_6E74

    public func appendEvents(_ events: [(kind: String, json: String)]) throws {
        guard !events.isEmpty else { return }
        let kinds = events.map(\.kind), lines = events.map { Self.text($0.json) }
        try run { session in
            try session.transaction {
                try session.query("SELECT pg_advisory_xact_lock(\(Self.eventLock))")
                try session.query("""
                    INSERT INTO event (host, kind, json)
                    SELECT \(host), k, j FROM unnest(\(kinds)::text[], \(lines)::text[]) WITH ORDINALITY AS e(k, j, n) ORDER BY n
                    """)
                try session.query("SELECT pg_notify(\(Self.eventChannel), '')")
            }
        }
    }

    public func newestEventNumber() throws -> Int64 {
        try run { session in
            try session.query("SELECT coalesce(max(number), 0)::bigint FROM event").first?.decode(Int64.self) ?? 0
        }
    }

    public func events(after number: Int64, limit: Int) throws -> [SharedEvent] {
        try run { session in
            try session.query("SELECT number, host, kind, json FROM event WHERE number > \(number) ORDER BY number LIMIT \(limit)").map { row in
                let (number, host, kind, json) = try row.decode((Int64, String, String, String).self)
                return SharedEvent(number: number, host: host, kind: kind, json: json)
            }
        }
    }

    public func waitForEvents(timeout: Duration) throws {
        try listener.wait(timeout: timeout)
    }

    public func exclusively<T>(_ work: String, _ body: () throws -> T) throws -> T {
        // A session-level lock on a connection held for the whole of `body` (which uses others): a
        // host that dies holding it loses its session, and the lock with it.
        let key = Self.workLock(work)
        return try run { session in
            try session.query("SELECT pg_advisory_lock(\(key))")
            defer { _ = try? session.query("SELECT pg_advisory_unlock(\(key))") }
            return try body()
        }
    }
}

extension PostgresStore {
    /// The advisory lock key of a kind of work: the same on every host (FNV-1a of its name; Swift's
    /// `hashValue` is seeded per process, so it would differ).
    static func workLock(_ work: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("renewald:" + work).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}

/// The connection that LISTENs for other hosts' batches: opened on the first wait, opened again on
/// the next wait after it broke (the follower reads on from its last number meanwhile).
final class EventListener: @unchecked Sendable {
    let configuration: PostgresConnection.Configuration
    let channel: String
    let logger: Logger
    private let condition = NSCondition()
    private var connection: PostgresConnection?
    private var notified = false

    init(configuration: PostgresConnection.Configuration, channel: String, logger: Logger) {
        self.configuration = configuration
        self.channel = channel
        self.logger = logger
    }

    deinit { _ = try? connection?.close().wait() }

    /// Returns once notified or after `timeout`; throws when the listening connection cannot be opened.
    func wait(timeout: Duration) throws {
        try listen()
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        while !notified, Date() < deadline, connection?.isClosed == false {
            _ = condition.wait(until: min(deadline, Date().addingTimeInterval(0.5)))
        }
        notified = false
    }

    private func listen() throws {
        condition.lock()
        let open = connection.map { !$0.isClosed } ?? false
        condition.unlock()
        if open { return }
        let fresh = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                   id: 0, logger: logger).wait()
        fresh.addListener(channel: channel) { [weak self] _, _ in self?.wake() }
        // Sent explicitly as well: LISTEN twice is harmless, and the listener above may only register.
        _ = try fresh.query(PostgresQuery(unsafeSQL: "LISTEN \(channel)"), logger: logger).wait()
        condition.lock()
        let old = connection
        connection = fresh
        notified = true   // events may have come while no one listened: read them now
        condition.unlock()
        _ = try? old?.close().wait()
    }

    private func wake() {
        condition.lock()
        notified = true
        condition.broadcast()
        condition.unlock()
    }
}

extension PostgresStoreError {
    /// Whether the error means the database cannot be reached or cannot take writes right now — the
    /// daemon then keeps files in the inbox and asks again — rather than a request it refused.
    var meansUnavailable: Bool {
        switch self {
        case .connect, .closed: return true
        case .schema: return false
        case .query(let error):
            guard let state = error.serverInfo?[.sqlState] else {
                // No answer from the server: the connection broke or could not be used.
                return [.serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError, .poolClosed]
                    .contains(error.code)
            }
            // 08: connection exception; 57P0x: the server is shutting down, crashed or starting;
            // 25006: read-only transaction (a standby, or the old primary after a failover);
            // 53: out of connections, memory or disk on the server.
            return state.hasPrefix("08") || state.hasPrefix("57P") || state == "25006" || state.hasPrefix("53")
        }
    }
}
