/// Styled lines in a scrollable window, with a scroll bar on the right when
/// they do not all fit. Lines longer than the view are cut.
public struct TextView: Widget, Sendable {
    public var lines: [StyledLine]
    /// Index of the first line shown; clamped so the view is never scrolled past the end.
    public var scroll: Int
    public var showScrollbar: Bool
    public var scrollbarStyle: Style

    public init(lines: [StyledLine], scroll: Int = 0, showScrollbar: Bool = true, scrollbarStyle: Style = .dim) {
        self.lines = lines
        self.scroll = scroll
        self.showScrollbar = showScrollbar
        self.scrollbarStyle = scrollbarStyle
    }

    /// The largest useful scroll offset for a view `height` rows tall.
    public static func maxScroll(lineCount: Int, height: Int) -> Int { max(0, lineCount - max(0, height)) }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let first = min(max(0, scroll), TextView.maxScroll(lineCount: lines.count, height: a.height))
            let bar = showScrollbar && lines.count > a.height && a.width >= 2
            let textW = bar ? a.width - 1 : a.width
            for row in 0..<a.height {
                let i = first + row
                guard i < lines.count else { break }
                buf.write(lines[i].spans, x: a.x, y: a.y + row, maxWidth: textW)
            }
            if bar {
                let h = a.height
                let thumb = max(1, h * h / max(1, lines.count))
                let maxFirst = max(1, lines.count - h)
                let top = (h - thumb) * first / maxFirst
                let unicode = buf.capabilities.unicodeGlyphs
                for row in 0..<h {
                    let inThumb = row >= top && row < top + thumb
                    let symbol: Character = inThumb ? (unicode ? "┃" : "#") : (unicode ? "│" : "|")
                    buf.setNarrow(x: a.maxX - 1, y: a.y + row, symbol: symbol, style: scrollbarStyle)
                }
            }
        }
    }
}

/// A Markdown page laid out to the width of its area and shown in a
/// ``TextView``. For long pages drawn every frame, lay out once with
/// ``Markdown/layout(_:width:theme:)`` and keep the lines instead.
public struct MarkdownView: Widget, Sendable {
    public var source: String
    public var scroll: Int
    public var theme: MarkdownTheme

    public init(source: String, scroll: Int = 0, theme: MarkdownTheme = .standard) {
        self.source = source
        self.scroll = scroll
        self.theme = theme
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var lines = Markdown.layout(source, width: area.width, theme: theme)
        if lines.count > area.height && area.width >= 2 {
            lines = Markdown.layout(source, width: area.width - 1, theme: theme)
        }
        TextView(lines: lines, scroll: scroll).render(in: area, buffer: &buffer)
    }
}
