import QueryProtocol
import ReportModel

/// The daemon's side of the server: parses request lines and answers them.
public protocol RequestHandling: Sendable {
    /// Parses `line` and answers it right away when that needs no I/O (errors, `ping`, `hello`),
    /// or hands back the work for a worker thread. Called on the network thread for short lines
    /// and on a worker for long ones, so a megabyte line never holds up other connections.
    func dispatch(_ line: [UInt8], draining: Bool) -> LineDispatch
}

/// Limits that keep one client from hurting the others.
public struct ServerLimits: Sendable {
    /// Longest request line accepted (bytes); longer lines get `too_large`.
    public var maxRequestBytes: Int
    /// A connection that completes no request line for this long is closed (subscribers and connections
    /// waiting for an answer excepted); bytes of an unfinished line do not count.
    public var idleTimeout: Duration
    /// Connections beyond this are answered `overloaded` and closed.
    public var maxConnections: Int
    /// Requests of one connection in progress at once; beyond it the connection is not read until answers go out.
    public var maxInFlightPerConnection: Int
    /// Oversized lines in a row before the client is disconnected.
    public var maxOversizedLines: Int
    /// Unsent bytes a subscriber may fall behind before it is dropped.
    public var subscriberBacklogBytes: Int
    /// Lines longer than this are parsed on a worker thread instead of the network thread.
    public var parseOnWorkerBytes: Int

    public init(maxRequestBytes: Int = 1 << 20, idleTimeout: Duration = .seconds(300), maxConnections: Int = 1024,
                maxInFlightPerConnection: Int = 1024, maxOversizedLines: Int = 3, subscriberBacklogBytes: Int = 1 << 20,
                parseOnWorkerBytes: Int = 16 << 10) {
        self.maxRequestBytes = maxRequestBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxInFlightPerConnection = maxInFlightPerConnection
        self.maxOversizedLines = maxOversizedLines
        self.subscriberBacklogBytes = subscriberBacklogBytes
        self.parseOnWorkerBytes = parseOnWorkerBytes
    }
}
