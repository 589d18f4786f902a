import QueryProtocol
import ReportModel
import Store

extension Op where Context == QueryContext {
    /// `search`: articles matching every term of `q`, ranked by bm25 with a positive idf (`SearchRank`).
    static var search: Op {
        Op("search") { request, context in
            let q = try request.requiredString("q")
            guard SearchTokens.matchExpression(q) != nil else {
                throw ProtocolError(.badRequest, "\"q\" has nothing to search for (Chinese characters, words or numbers)")
            }
            let (total, hits) = try context.store.search(q, filter: try ReportFilter(request))
            return .result(ReportKey.object([.total: .int(total), .hits: .array(hits.map { h in
                ReportKey.object([.report: .string(h.report), .article: .int(h.article), .title: .optional(h.title),
                                  .score: .double((h.score * 1000).rounded() / 1000), .snippet: .string(h.snippet),
                                  .themes: .array(h.themes.map(\.summaryJSON)), .themesBy: .string(h.themesBy.rawValue)])
            })]))
        }
    }
}
