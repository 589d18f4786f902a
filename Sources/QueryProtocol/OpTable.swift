import ReportModel

/// The ops a server offers, by name: parses request lines into them and answers.
public struct OpTable<Context: Sendable>: Sendable {
    /// The ops offered, in the order `hello` lists them.
    public let ops: [Op<Context>]
    private let byName: [String: Op<Context>]
    /// Told about errors that are not protocol errors (bugs, an unreadable database), for the journal.
    private let failed: @Sendable (Request, any Error) -> Void
    /// Turns errors the server knows to be no bug (a database that is away) into protocol errors.
    private let translate: @Sendable (any Error) -> ProtocolError?

    /// Offers `ops`, leaving out test hooks unless `testHooks`. Two ops of one name are a
    /// programming error, caught by the first start (and by the tests). `translate` maps errors
    /// that are not bugs to their protocol errors; the rest are `internal` and told to `failed`.
    public init(_ ops: [Op<Context>], testHooks: Bool = false,
                failed: @escaping @Sendable (Request, any Error) -> Void = { _, _ in },
                translate: @escaping @Sendable (any Error) -> ProtocolError? = { _ in nil }) {
        self.ops = ops.filter { testHooks || !$0.isTestHook }
        self.failed = failed
        self.translate = translate
        byName = Dictionary(self.ops.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("two ops are named \"\(first.name)\"")
        })
    }

    /// The names `hello` lists.
    public var names: [String] { ops.map(\.name) }

    /// Parses `line` and answers it now when it is malformed, unknown, refused while `draining`,
    /// or a quick op; otherwise returns the work for a worker thread.
    public func dispatch(_ line: some Collection<UInt8>, context: Context, draining: Bool) -> LineDispatch {
        let request: Request
        switch Request.parse(line) {
        case .failure(let failure): return .answered(Response.failure(id: failure.id, error: failure.error))
        case .success(let parsed): request = parsed
        }
        guard let op = byName[request.op] else {
            return .answered(Response.failure(id: request.id, error: ProtocolError(
                .unknownOp, "unknown op \"\(request.op)\"; ops are \(names.joined(separator: ", "))")))
        }
        if draining {
            return .answered(Response.failure(id: request.id, error: ProtocolError(.shuttingDown, "renewald is shutting down")))
        }
        switch op.lane {
        case .quick: return .answered(reply(op, request, context).line)
        case .worker: return .work(id: request.id) { [self] in reply(op, request, context) }
        }
    }

    /// Runs `op`, turning its answer or its error into a reply. Errors that are not protocol
    /// errors are bugs or an unreadable database: `internal`.
    func reply(_ op: Op<Context>, _ request: Request, _ context: Context) -> Reply {
        do {
            switch try op.answer(request, in: context) {
            case .result(let value): return .line(Response.success(id: request.id, result: value))
            case .rawResult(let text): return .line(Response.success(id: request.id, rawResult: text))
            case .subscribe(let events, let result):
                return .subscribe(events: events, ack: Response.success(id: request.id, result: result))
            }
        } catch let error as ProtocolError {
            return .line(Response.failure(id: request.id, error: error))
        } catch {
            if let known = translate(error) { return .line(Response.failure(id: request.id, error: known)) }
            failed(request, error)
            return .line(Response.failure(id: request.id, error: ProtocolError(.internal, "request \(request.op) failed: \(error)")))
        }
    }
}

extension Reply {
    /// The line to write (a subscription's acknowledgement).
    var line: [UInt8] {
        switch self {
        case .line(let bytes): return bytes
        case .subscribe(_, let ack): return ack
        }
    }
}

/// What to do with one request line.
public enum LineDispatch: Sendable {
    /// Answered already (a quick op, or an error): write it.
    case answered([UInt8])
    /// Needs a worker thread; `id` is echoed if the work itself fails.
    case work(id: RequestID?, @Sendable () -> Reply)
}
