import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `ping`: `{"pong":true}`, answered on the network thread.
    static var ping: Op {
        Op("ping", lane: .quick) { _, _ in .result(.object([("pong", .bool(true))])) }
    }
}
