import Pipeline
import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `classify`: analyses a text with the classifier in force; nothing is stored.
    static var classify: Op {
        Op("classify") { request, context in
            let text = try request.requiredString("text")
            let report = context.state.builder.analyze(text)
            return .result(ReportKey.object([
                .headline: .optional(report.headline), .published: .optional(report.published),
                .articles: .array(report.articles.map(\.json)), .themes: .array(report.themes.map(\.json)),
                .notAReport: .bool(report.notAReport), .warnings: .strings(report.warnings),
            ]))
        }
    }
}
