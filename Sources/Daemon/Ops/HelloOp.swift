import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `hello`: who answers and which ops it offers; no I/O, answered on the network thread.
    static var hello: Op {
        Op("hello", lane: .quick) { _, context in
            .result(.object([
                ("server", .string("renewald")), ("version", .string(QueryService.version)), ("protocol", .int(1)),
                ("ops", .strings(context.opNames)),
            ]))
        }
    }
}
