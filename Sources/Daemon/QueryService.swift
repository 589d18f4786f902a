import Logging
import QueryProtocol
import Server

/// Answers protocol requests: the op table of `QueryOps` over a `QueryContext`.
struct QueryService: RequestHandling {
    static let version = "0.1.0"

    let table: OpTable<QueryContext>
    let context: QueryContext

    init(context: QueryContext, testHooks: Bool) {
        let logger = context.logger
        table = OpTable(QueryOps.all, testHooks: testHooks) { request, error in
            logger.error("request \(request.op) failed: \(error)", metadata: ["error_code": "internal"])
        }
        var context = context
        context.opNames = table.names
        self.context = context
    }

    func dispatch(_ line: [UInt8], draining: Bool) -> LineDispatch {
        table.dispatch(line, context: context, draining: draining)
    }
}
