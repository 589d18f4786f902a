import QueryProtocol
import ReportModel

/// What answering a request produced.
public enum Reply: Sendable {
    /// One response line (newline included).
    case line([UInt8])
    /// Register the connection for events of these kinds (nil: all), after writing `ack`.
    case subscribe(events: Set<String>?, ack: [UInt8])
}

/// The daemon's side of the server: answers requests.
public protocol RequestHandling: Sendable {
    /// Answers requests that need no I/O (`ping`, `hello`) right on the network thread; nil otherwise.
    func quickReply(to request: Request) -> [UInt8]?
    /// Answers any request; may block (database, classification). Runs on a worker thread.
    func reply(to request: Request) -> Reply
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

    public init(maxRequestBytes: Int = 1 << 20, idleTimeout: Duration = .seconds(300), maxConnections: Int = 1024,
                maxInFlightPerConnection: Int = 1024, maxOversizedLines: Int = 3, subscriberBacklogBytes: Int = 1 << 20) {
        self.maxRequestBytes = maxRequestBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxInFlightPerConnection = maxInFlightPerConnection
        self.maxOversizedLines = maxOversizedLines
        self.subscriberBacklogBytes = subscriberBacklogBytes
    }
}
