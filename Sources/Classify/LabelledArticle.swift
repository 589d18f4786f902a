/// An article whose themes a person decided, used to learn themes without cue terms.
public struct LabelledArticle: Sendable, Equatable {
    public var text: String
    public var themes: [String]

    public init(text: String, themes: [String]) {
        self.text = text
        self.themes = themes
    }
}
