/// Mines cue terms for themes from articles people labelled.
struct CueLearner {
    let examples: [LabelledArticle]

    func cues(for taxonomy: Taxonomy) -> [String: [Cue]] { [:] }
}
