/// What the file's own structure said about the page, beyond its text.
public struct LayoutHints: Sendable, Equatable {
    /// The title the format marks (HTML `<h1>` or `<title>`, a Word heading or Title paragraph, a PDF's largest line).
    public var title: String?
    /// A title from outside the text (a web page's `<title>`, a PDF's largest line): used only when the
    /// page shows no title of its own.
    public var fallbackTitle: String?
    /// Whether the text comes from a PDF page, whose content stream may draw titles after their articles.
    public var pdfLayout: Bool
    /// Metadata lines the format kept apart from the text (a web page's info line).
    public var metadata: [String]

    public init(title: String? = nil, fallbackTitle: String? = nil, pdfLayout: Bool = false, metadata: [String] = []) {
        self.metadata = metadata
        self.title = title
        self.fallbackTitle = fallbackTitle
        self.pdfLayout = pdfLayout
    }
}
