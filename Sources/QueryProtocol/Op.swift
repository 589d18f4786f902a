import ReportModel

/// One protocol op: its name, where it is answered, and how. Ops are values listed in one
/// registry (an `OpTable`), from which request dispatch, `hello`'s op list and the quick
/// no-I/O path are all derived, so a name cannot be offered without being answered.
public struct Op<Context: Sendable>: Sendable {
    /// Where an op runs.
    public enum Lane: Sendable {
        /// On the network thread, before anything queued on the connection is answered: no I/O,
        /// no waiting (`ping`, `hello`).
        case quick
        /// On a worker thread: may read the database or classify.
        case worker
    }

    /// The `op` field that selects it.
    public let name: String
    public let lane: Lane
    /// Offered only when the daemon runs with test hooks (never in production).
    public let isTestHook: Bool
    let body: @Sendable (Request, Context) throws -> OpAnswer

    public init(_ name: String, lane: Lane = .worker, testHook: Bool = false,
                answer body: @escaping @Sendable (Request, Context) throws -> OpAnswer) {
        self.name = name
        self.lane = lane
        self.isTestHook = testHook
        self.body = body
    }

    /// Answers `request` in `context`: a response line, or a subscription to register.
    public func answer(_ request: Request, in context: Context) throws -> OpAnswer { try body(request, context) }
}

/// What an op answers with.
public enum OpAnswer: Sendable {
    /// A result object.
    case result(JSONValue)
    /// A result that is JSON text already (a stored report), spliced in as it is.
    case rawResult(String)
    /// Register the connection for events of these kinds (nil: all), acknowledged with `result`.
    case subscribe(events: Set<String>?, result: JSONValue)
}
