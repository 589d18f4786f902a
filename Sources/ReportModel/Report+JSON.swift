extension Report {
    public var json: JSONValue {
        ReportKey.object([
            .id: .string(id),
            .file: .string(file),
            .tag: .optional(tag),
            .sha256: .string(sha256),
            .received: .string(received),
            .published: .optional(published),
            .documentNumber: .optional(documentNumber),
            .source: source.json,
            .headline: .optional(headline),
            .articles: .array(articles.map(\.json)),
            .themes: .array(themes.map(\.json)),
            .notAReport: .bool(notAReport),
            .duplicateOf: .optional(duplicateOf),
            .nearDuplicateOf: nearDuplicateOf?.json ?? .null,
            .warnings: .strings(warnings),
        ])
    }

    /// Reads a report back from its JSON (as stored); nil when a required field is missing.
    public init?(json: JSONValue) {
        guard let id = json[.id]?.stringValue, let file = json[.file]?.stringValue,
              let sha = json[.sha256]?.stringValue, let received = json[.received]?.stringValue,
              let source = json[.source].flatMap(Source.init(json:)) else { return nil }
        self.init(
            id: id, file: file, sha256: sha, received: received,
            published: json[.published]?.stringValue, source: source,
            headline: json[.headline]?.stringValue,
            articles: (json[.articles]?.arrayValue ?? []).compactMap(Article.init(json:)),
            themes: (json[.themes]?.arrayValue ?? []).compactMap(ThemeScore.init(json:)),
            notAReport: json[.notAReport]?.boolValue ?? false,
            duplicateOf: json[.duplicateOf]?.stringValue,
            nearDuplicateOf: json[.nearDuplicateOf].flatMap(NearDuplicate.init(json:)),
            warnings: (json[.warnings]?.arrayValue ?? []).compactMap(\.stringValue))
        documentNumber = json[.documentNumber]?.stringValue
        tag = json[.tag]?.stringValue
    }
}

extension Source {
    public var json: JSONValue {
        ReportKey.object([.format: .string(format.rawValue), .encoding: .string(encoding.rawValue), .bytes: .int(bytes)])
    }

    public init?(json: JSONValue) {
        guard let format = json[.format]?.stringValue, let encoding = json[.encoding]?.stringValue else { return nil }
        self.init(format: SourceFormat(format), encoding: TextEncoding(encoding), bytes: json[.bytes]?.intValue ?? 0)
    }
}

extension Article {
    public var json: JSONValue {
        ReportKey.object([
            .index: .int(index),
            .title: .optional(title),
            .author: .optional(author),
            .authors: .strings(authors),
            .affiliation: .optional(affiliation),
            .source: .optional(source),
            .editors: .strings(editors),
            .paragraphs: .strings(paragraphs),
            .themes: .array(themes.map(\.json)),
            .primaryTheme: .optional(primaryTheme),
            .themesBy: .string(themesBy.rawValue),
            .places: .strings(places),
            .figures: .array(figures.map(\.json)),
            .nearDuplicateOf: nearDuplicateOf?.json ?? .null,
            .reprints: .array(reprints.map(\.json)),
        ])
    }

    public init?(json: JSONValue) {
        guard let index = json[.index]?.intValue else { return nil }
        self.init(
            index: index,
            title: json[.title]?.stringValue,
            author: json[.author]?.stringValue,
            affiliation: json[.affiliation]?.stringValue,
            paragraphs: (json[.paragraphs]?.arrayValue ?? []).compactMap(\.stringValue),
            themes: (json[.themes]?.arrayValue ?? []).compactMap(ThemeScore.init(json:)),
            primaryTheme: json[.primaryTheme]?.stringValue,
            themesBy: json[.themesBy]?.stringValue.flatMap(ThemeProvenance.init(rawValue:)) ?? .classifier,
            places: (json[.places]?.arrayValue ?? []).compactMap(\.stringValue),
            figures: (json[.figures]?.arrayValue ?? []).compactMap(Figure.init(json:)),
            source: json[.source]?.stringValue,
            editors: (json[.editors]?.arrayValue ?? []).compactMap(\.stringValue),
            nearDuplicateOf: json[.nearDuplicateOf].flatMap(NearDuplicate.init(json:)),
            reprints: (json[.reprints]?.arrayValue ?? []).compactMap(NearDuplicate.init(json:)))
        if let list = json[.authors]?.arrayValue {
            authors = list.compactMap(\.stringValue)
        }
    }
}

extension ThemeScore {
    /// A score as the protocol prints it: rounded to three places.
    static func rounded(_ score: Double) -> JSONValue { .double((score * 1000).rounded() / 1000) }

    public var json: JSONValue {
        ReportKey.object([
            .id: .string(id),
            .score: Self.rounded(score),
            .evidence: .strings(evidence),
            .cues: .strings(cues),
        ])
    }

    /// The theme id and its score only, as `list` and `search` show a report's or an article's themes.
    public var summaryJSON: JSONValue {
        ReportKey.object([.id: .string(id), .score: Self.rounded(score)])
    }

    public init?(json: JSONValue) {
        guard let id = json[.id]?.stringValue else { return nil }
        self.init(id: id, score: json[.score]?.doubleValue ?? 0,
                  evidence: (json[.evidence]?.arrayValue ?? []).compactMap(\.stringValue),
                  cues: (json[.cues]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}

extension Figure {
    public var json: JSONValue {
        ReportKey.object([.value: .string(value), .unit: .string(unit), .text: .string(text)])
    }

    public init?(json: JSONValue) {
        guard let value = json[.value]?.stringValue, let unit = json[.unit]?.stringValue else { return nil }
        self.init(value: value, unit: unit, text: json[.text]?.stringValue ?? "")
    }
}
