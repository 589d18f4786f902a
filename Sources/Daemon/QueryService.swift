import Logging
import QueryProtocol
import Server
import Store

/// Answers protocol requests: the op table of `QueryOps` over a `QueryContext`.
struct QueryService: RequestHandling {
    static let version = "0.1.0"

    let table: OpTable<QueryContext>
    let context: QueryContext

    init(context: QueryContext, testHooks: Bool) {
        let logger = context.logger
        let status = context.status
        table = OpTable(QueryOps.all, testHooks: testHooks, failed: { request, error in
            logger.error("request \(request.op) failed: \(error)", metadata: ["error_code": "internal"])
        }, translate: { error in
            // A store without that kind of request (`unsupported`) is no bug and is not logged as one.
            if case .unsupported(let what)? = error as? StoreError {
                return ProtocolError(.unsupported, StoreError.unsupported(what).description)
            }
            guard let why = StoreError.unavailableReason(error) else { return nil }
            // What the store would have said cannot be known now: say so, never guess. A query that
            // finds the store away also pauses ingest, as a failed commit would.
            status.storeAway(why, logger: logger)
            return ProtocolError(.storeUnavailable, "the database is unavailable (\(why)); ask again later")
        })
        var context = context
        context.opNames = table.names
        self.context = context
    }

    func dispatch(_ line: [UInt8], draining: Bool) -> LineDispatch {
        table.dispatch(line, context: context, draining: draining)
    }
}
