import QueryProtocol
import ReportModel
import Store

extension Op where Context == QueryContext {
    /// `list`: report summaries matching the filters.
    static var list: Op {
        Op("list") { request, context in
            let (total, reports) = try context.store.list(try ReportFilter(request))
            return .result(ReportKey.object([.total: .int(total), .reports: .array(reports.map { r in
                ReportKey.object([.id: .string(r.id), .file: .string(r.file), .tag: .optional(r.tag), .title: .optional(r.title),
                                  .published: .optional(r.published), .received: .string(r.received),
                                  .themes: .array(r.themes.map(\.summaryJSON)), .labelled: .bool(r.labelled)])
            })]))
        }
    }
}
