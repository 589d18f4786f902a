import Classify
import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// `label`: stores a person's themes for one article; the correction trains the classifier.
    static var label: Op {
        Op("label") { request, context in
            let id = try request.requiredString("report")
            guard let articleValue = request.fields["article"] else { throw ProtocolError(.badRequest, "missing \"article\"") }
            guard let index = articleValue.intValue else { throw ProtocolError(.badRequest, "\"article\" must be an integer") }
            guard let themes = try request.stringList("themes") else { throw ProtocolError(.badRequest, "missing \"themes\"") }
            let primary = try request.string("primary")
            let known = Set(context.state.taxonomy.themes.map(\.id))
            if let unknown = themes.first(where: { !known.contains($0) }) {
                throw ProtocolError(.badRequest, "unknown theme \"\(unknown)\"; see the themes op")
            }
            if let primary, !themes.contains(primary) {
                throw ProtocolError(.badRequest, "\"primary\" must be one of \"themes\"")
            }
            let updated = try context.state.label(report: id, article: index, themes: themes, primary: primary)
            guard let article = updated.articles.first(where: { $0.index == index }) else {
                throw ProtocolError(.notFound, "report \(id) has no article \(index)")
            }
            return .result(ReportKey.object([.report: .string(id), .article: article.json]))
        }
    }
}
