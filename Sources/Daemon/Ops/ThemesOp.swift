import Classify
import QueryProtocol
import ReportModel
import Store

extension Op where Context == QueryContext {
    /// `themes`: the taxonomy in force with article counts.
    static var themes: Op {
        Op("themes") { _, context in
            let counts = try context.store.counts()
            return .result(ReportKey.object([.themes: .array(context.state.taxonomy.themes.map { theme in
                ReportKey.object([.id: .string(theme.id), .zh: .string(theme.zh), .en: .string(theme.en),
                                  .articles: .int(counts.themes[theme.id] ?? 0), .cues: .int(theme.cues.count)])
            })]))
        }
    }
}
