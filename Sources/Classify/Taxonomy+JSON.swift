import ReportModel

extension Taxonomy {
    /// Reads a user taxonomy file, which replaces the built-in taxonomy.
    ///
    /// The file is UTF-8 JSON with a `themes` list; the themes in force are exactly those listed, in
    /// that order (so a theme is removed by leaving it out, and `spec/themes.json` itself is a valid file):
    ///
    /// ```json
    /// {"themes": [
    ///   {"id": "elevator-retrofit"},
    ///   {"id": "heritage-culture", "zh": "文化传承", "en": "Culture and heritage"},
    ///   {"id": "planning-design", "add_cues": ["控规", {"term": "社区规划", "weight": 2}]},
    ///   {"id": "media-publicity", "cues": ["新闻", "报道", "媒体"], "exclude": ["本报讯"]},
    ///   {"id": "pet-keeping", "zh": "文明养犬", "en": "Pet keeping", "cues": []}
    /// ]}
    /// ```
    ///
    /// - `id` (required, unique): the API value. A built-in id keeps its built-in labels, cue terms and
    ///   exclusions unless the entry says otherwise.
    /// - `zh`, `en`: labels for people (default: the built-in labels, or the id).
    /// - `cues`: replaces the theme's cue terms. Each is a string (weight 1) or `{"term", "weight"}`.
    ///   Weights: 3 = names the theme outright, 2 = a term specific to it, 1 = an ordinary term, below 1
    ///   = a word that only counts together with others. Terms are matched as substrings (no word
    ///   segmentation), ASCII case-insensitively. An empty list makes a theme that is learned only from
    ///   labelled articles (the `label` op).
    /// - `add_cues`: terms added to the built-in (or listed) cues instead of replacing them.
    /// - `exclude`: terms inside which the theme's cues do not count (a street 文化路 for a 文化 cue);
    ///   replaces the built-in exclusions.
    /// - Other keys (`covers`, `version`, `about`) are ignored.
    public init(json text: String) throws(TaxonomyError) {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch { throw .notJSON(error.description) }
        guard let list = root["themes"]?.arrayValue else { throw .invalid("no \"themes\" list") }
        guard !list.isEmpty else { throw .invalid("the \"themes\" list is empty") }
        var themes: [Theme] = []
        for item in list {
            guard let id = item["id"]?.stringValue, !id.isEmpty else { throw .invalid("a theme has no \"id\"") }
            guard !themes.contains(where: { $0.id == id }) else { throw .invalid("theme \"\(id)\" appears twice") }
            let builtIn = Taxonomy.builtIn.theme(id)
            var cues = builtIn?.cues ?? []
            if let listed = item["cues"] { cues = try Self.cues(listed, theme: id, key: "cues") }
            if let added = item["add_cues"] { cues += try Self.cues(added, theme: id, key: "add_cues") }
            var exclusions = builtIn?.exclusions ?? []
            if let listed = item["exclude"] {
                guard let array = listed.arrayValue else { throw .invalid("theme \"\(id)\": \"exclude\" is not a list") }
                exclusions = try array.map { value throws(TaxonomyError) in
                    guard let term = value.stringValue, !term.isEmpty else {
                        throw .invalid("theme \"\(id)\": an \"exclude\" entry is not a term")
                    }
                    return term
                }
            }
            themes.append(Theme(id: id, zh: item["zh"]?.stringValue ?? builtIn?.zh ?? id,
                                en: item["en"]?.stringValue ?? builtIn?.en ?? id, cues: cues, exclusions: exclusions))
        }
        self.init(themes: themes)
    }

    /// Parses a `cues` or `add_cues` list: terms, or `{"term", "weight"}` objects.
    private static func cues(_ value: JSONValue, theme: String, key: String) throws(TaxonomyError) -> [Cue] {
        guard let array = value.arrayValue else { throw .invalid("theme \"\(theme)\": \"\(key)\" is not a list") }
        var cues: [Cue] = []
        for entry in array {
            if let term = entry.stringValue, !term.isEmpty {
                cues.append(Cue(term))
            } else if let term = entry["term"]?.stringValue, !term.isEmpty {
                let weight = entry["weight"]?.doubleValue ?? 1
                guard weight > 0, weight <= 10 else {
                    throw .invalid("theme \"\(theme)\": cue \"\(term)\" has weight \(weight), expected more than 0 and at most 10")
                }
                cues.append(Cue(term, weight: weight))
            } else {
                throw .invalid("theme \"\(theme)\": a \"\(key)\" entry is neither a term nor {\"term\", \"weight\"}")
            }
        }
        return cues
    }
}
