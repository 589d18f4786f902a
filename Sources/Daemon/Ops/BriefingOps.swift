import QueryProtocol

extension Op where Context == QueryContext {
    /// `facts`: figures with base units, places, dates and the sentences they come from.
    static var facts: Op {
        Op("facts") { request, context in .result(try FactsAnswer.result(request, store: context.store)) }
    }

    /// `trends`: article counts per theme or place per day, week or month, reprints counted once.
    static var trends: Op {
        Op("trends") { request, context in
            .result(try TrendsAnswer.result(request, store: context.store, today: TrendsAnswer.today()))
        }
    }

    /// `digest`: a period's articles by theme, the charts' data and the key figures (what `renewald digest` renders).
    static var digest: Op {
        Op("digest") { request, context in
            .result(try DigestAnswer.result(request, store: context.store, taxonomy: context.state.taxonomy, today: TrendsAnswer.today()))
        }
    }
}
