/// Styles used when laying out Markdown.
public struct MarkdownTheme: Hashable, Sendable {
    public var heading1: Style
    public var heading2: Style
    public var heading3: Style
    public var bold: Style
    public var italic: Style
    public var inlineCode: Style
    public var codeBlock: Style
    public var quote: Style
    public var quoteBar: Style
    public var bullet: Style
    public var rule: Style

    public init(heading1: Style, heading2: Style, heading3: Style, bold: Style, italic: Style,
                inlineCode: Style, codeBlock: Style, quote: Style, quoteBar: Style, bullet: Style, rule: Style) {
        self.heading1 = heading1
        self.heading2 = heading2
        self.heading3 = heading3
        self.bold = bold
        self.italic = italic
        self.inlineCode = inlineCode
        self.codeBlock = codeBlock
        self.quote = quote
        self.quoteBar = quoteBar
        self.bullet = bullet
        self.rule = rule
    }

    /// Cyan headings, yellow code, dim quote bars.
    public static let standard = MarkdownTheme(
        heading1: Style(foreground: .cyan, attributes: [.bold, .underline]),
        heading2: Style(foreground: .cyan, attributes: .bold),
        heading3: Style(attributes: .bold),
        bold: Style(attributes: .bold),
        italic: Style(attributes: .italic),
        inlineCode: Style(foreground: .yellow),
        codeBlock: Style(foreground: .yellow),
        quote: Style(attributes: .italic),
        quoteBar: Style(foreground: .brightBlack),
        bullet: Style(foreground: .cyan),
        rule: Style(attributes: .dim))
}
