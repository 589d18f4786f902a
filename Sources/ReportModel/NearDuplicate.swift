/// A pointer from a reprinted article to the stored article it substantially repeats (or, on the
/// original, to one of its reprints), with their estimated similarity in [0, 1].
public struct NearDuplicate: Sendable, Equatable {
    public var report: String
    public var article: Int
    public var similarity: Double

    public init(report: String, article: Int, similarity: Double) {
        self.report = report
        self.article = article
        self.similarity = similarity
    }

    public var json: JSONValue {
        ReportKey.object([.report: .string(report), .article: .int(article),
                          .similarity: .double((similarity * 1000).rounded() / 1000)])
    }

    public init?(json: JSONValue) {
        guard let report = json[.report]?.stringValue, let article = json[.article]?.intValue else { return nil }
        self.init(report: report, article: article, similarity: json[.similarity]?.doubleValue ?? 0)
    }
}
