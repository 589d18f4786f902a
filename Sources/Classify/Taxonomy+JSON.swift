import ReportModel

extension Taxonomy {
    /// Reads a taxonomy file: `{"themes": [{"id", "zh", "en", "cues": ["term" | {"term", "weight"}]}]}`.
    public init(json text: String) throws(TaxonomyError) {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch { throw .notJSON(error.description) }
        guard let list = root["themes"]?.arrayValue else { throw .invalid("no \"themes\" list") }
        var themes: [Theme] = []
        for item in list {
            guard let id = item["id"]?.stringValue, !id.isEmpty else { throw .invalid("a theme has no \"id\"") }
            guard !themes.contains(where: { $0.id == id }) else { throw .invalid("theme \"\(id)\" appears twice") }
            var cues: [Cue] = []
            for cue in item["cues"]?.arrayValue ?? [] {
                if let term = cue.stringValue {
                    cues.append(Cue(term))
                } else if let term = cue["term"]?.stringValue {
                    cues.append(Cue(term, weight: cue["weight"]?.doubleValue ?? 1))
                }
            }
            let builtIn = Taxonomy.builtIn.theme(id)
            if cues.isEmpty, item["cues"] == nil { cues = builtIn?.cues ?? [] }
            themes.append(Theme(id: id, zh: item["zh"]?.stringValue ?? builtIn?.zh ?? id,
                                en: item["en"]?.stringValue ?? builtIn?.en ?? id, cues: cues))
        }
        self.init(themes: themes)
    }
}
