/// One `subscribe` event as a host published it to the others sharing its store.
public struct SharedEvent: Sendable, Equatable {
    /// Its place in the log: numbers grow in commit order, so a follower that remembers the last one
    /// it read misses nothing and reads nothing twice, across reconnects.
    public var number: Int64
    /// The host that published it (`host_name`).
    public var host: String
    /// `ingested` or `failed` (for subscribers), or `classifier` (a label or a reload changed the
    /// stored themes and labels: the other hosts retrain from the store).
    public var kind: String
    /// The event line as the publishing host sent it to its own subscribers.
    public var json: String

    public init(number: Int64, host: String, kind: String, json: String) {
        self.number = number
        self.host = host
        self.kind = kind
        self.json = json
    }
}

/// What a store shared by several hosts (PostgreSQL) offers so that a subscriber on any host hears
/// every host's events: an event log numbered in commit order, and a notification per batch.
public protocol SharedEventLog: Sendable {
    /// This host's name, as the events it appends record it.
    var host: String { get }
    /// Appends this host's events of one batch, in order, and notifies the other hosts (one
    /// notification for the batch).
    func appendEvents(_ events: [(kind: String, json: String)]) throws
    /// The number of the newest event now: a follower that starts here hears what comes after.
    func newestEventNumber() throws -> Int64
    /// Events after `number`, oldest first, at most `limit`.
    func events(after number: Int64, limit: Int) throws -> [SharedEvent]
    /// Returns when another host notified new events, or after `timeout` at most (a follower reads
    /// the log either way, so a lost notification costs only latency).
    func waitForEvents(timeout: Duration) throws
    /// Runs `body` while holding the collection-wide lock named `work` (hosts that ask for it at the
    /// same time take turns), so that one host at a time reclassifies or labels.
    func exclusively<T>(_ work: String, _ body: () throws -> T) throws -> T
}
