/// A piece of text in one style.
public struct Span: Hashable, Sendable {
    /// The text; it should not contain line breaks.
    public var text: String
    /// How it is drawn.
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Columns the text takes.
    public var displayWidth: Int { text.displayWidth }
}

/// One line of styled text.
public struct StyledLine: Hashable, Sendable {
    /// The spans, left to right.
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    /// A line of one span.
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }

    /// Columns the line takes.
    public var displayWidth: Int { spans.reduce(0) { $0 + $1.displayWidth } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}
