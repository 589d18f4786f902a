import QueryProtocol
import ReportModel
import Store

/// The `facts` op: figures with their base units, places, dates and sources.
enum FactsAnswer {
    static func filter(_ request: Request) throws(ProtocolError) -> FactFilter {
        let text = try request.string("text")
        let q = try request.string("q")
        return FactFilter(theme: try request.string("theme"), place: try request.string("place"), unit: try request.string("unit"),
                   since: try request.date("since"), until: try request.date("until"),
                   text: text ?? q,
                   limit: try request.int("limit", default: 50, range: 1...1000),
                   offset: try request.int("offset", default: 0, range: 0...Int(Int32.max)),
                   collapse: try request.flag("collapse", default: false))
    }

    static func result(_ request: Request, store: any ReportStore) throws -> JSONValue {
        let (total, facts) = try store.facts(try filter(request))
        return ReportKey.object([.total: .int(total), .facts: .array(facts.map(json))])
    }

    static func json(_ f: Fact) -> JSONValue {
        let normalized: JSONValue = f.normalizedValue.map { value in
            ReportKey.object([.value: value.rounded() == value && abs(value) < 9e15 ? .int(Int(value)) : .double(value),
                              .unit: .string(f.normalizedUnit ?? "")])
        } ?? .null
        return ReportKey.object([
            .value: .string(f.value), .unit: .string(f.unit), .normalized: normalized,
            .about: .string(f.about), .place: .optional(f.place), .date: .string(f.date),
            .report: .string(f.report), .article: .int(f.article), .sentence: .string(f.sentence),
            .themes: .strings(f.themes),
        ])
    }
}
