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
                  collapse: try request.flag("collapse", default: false), tag: try Self.tag(request))
    }

    /// The `tag` filter: an inbox subfolder, without leading or trailing slashes.
    static func tag(_ request: Request) throws(ProtocolError) -> String? {
        guard let raw = try request.string("tag") else { return nil }
        var tag = Substring(raw)
        while tag.hasPrefix("/") { tag = tag.dropFirst() }
        while tag.hasSuffix("/") { tag = tag.dropLast() }
        guard !tag.isEmpty else { throw ProtocolError(.badRequest, "\"tag\" must name an inbox subfolder, like \"徐汇区\"") }
        return String(tag)
    }
}
