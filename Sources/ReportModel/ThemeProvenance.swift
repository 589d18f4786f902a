/// Who decided an article's themes (`themes_by`).
public enum ThemeProvenance: String, Sendable, Equatable {
    /// The classifier, from the taxonomy's cues; reclassified on every reload.
    case classifier
    /// A person, through the `label` op; reloads and reclassification keep it.
    case person
}
