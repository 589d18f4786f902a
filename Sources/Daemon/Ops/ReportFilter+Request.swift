import QueryProtocol
import ReportModel
import Store

extension ReportFilter {
    /// The filters `list` and `search` share, read from a request.
    init(_ request: Request) throws(ProtocolError) {
        self.init(theme: try request.string("theme"), place: try request.string("place"),
                  since: try request.date("since"), until: try request.date("until"),
                  limit: try request.int("limit", default: 20, range: 1...1000),
                  offset: try request.int("offset", default: 0, range: 0...Int(Int32.max)),
                  collapse: try request.flag("collapse", default: false))
    }
}
