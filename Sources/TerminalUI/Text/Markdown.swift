/// Lays out the Markdown subset used by lessons as styled, wrapped lines.
///
/// Supported: `#` headings, paragraphs, `**bold**`, `*italic*`/`_italic_`,
/// `` `inline code` ``, fenced (```` ``` ````) and indented code blocks,
/// `-`/`*`/`+` and numbered lists (nested by indentation), `>` block quotes,
/// `---` rules, and pipe tables kept as written. Text is wrapped by display
/// width; inline code is never broken at its spaces; underscores and stars
/// inside words (`h_t`, `x_{t-1}`, `2*x*y`) are kept literally so formulas
/// written in plain text stay readable.
public enum Markdown {
    /// The last layouts, by source, width and theme: a page drawn every frame
    /// is wrapped once per width, however long it is.
    static let cache = LayoutCache<LayoutKey<MarkdownTheme>, [StyledLine]>(capacity: 8)

    /// The lines of `source` wrapped to `width` columns (cached, see ``cache``).
    public static func layout(_ source: String, width: Int, theme: MarkdownTheme = .standard) -> [StyledLine] {
        let width = max(1, width)
        return cache.value(for: LayoutKey(text: source, width: width, extra: theme)) {
            layout(MarkdownParser.parse(source), width: width, theme: theme)
        }
    }

    static func layout(_ blocks: [MarkdownBlock], width: Int, theme: MarkdownTheme) -> [StyledLine] {
        var lines: [StyledLine] = []
        var previous: MarkdownBlock?
        for block in blocks {
            if let p = previous {
                let bothItems: Bool
                if case .listItem = p, case .listItem = block { bothItems = true } else { bothItems = false }
                if !bothItems { lines.append(StyledLine()) }
            }
            lines += layout(block, width: width, theme: theme)
            previous = block
        }
        return lines
    }

    static func layout(_ block: MarkdownBlock, width: Int, theme: MarkdownTheme) -> [StyledLine] {
        switch block {
        case .heading(let level, let text):
            let style = level == 1 ? theme.heading1 : level == 2 ? theme.heading2 : theme.heading3
            return TextWrap.wrap(fragments: MarkdownInline.parse(text, style: style, theme: theme),
                                 width: width, firstPrefix: [], restPrefix: [])
        case .paragraph(let text):
            return TextWrap.wrap(fragments: MarkdownInline.parse(text, style: .plain, theme: theme),
                                 width: width, firstPrefix: [], restPrefix: [])
        case .listItem(let depth, let marker, let text):
            let indent = String(repeating: "  ", count: min(depth, max(0, (width - 4) / 2)))
            let bullet = marker.first?.isNumber == true ? marker : (depth % 2 == 0 ? "•" : "◦")
            let first = [Span(indent + bullet, style: theme.bullet), Span(" ")]
            let rest = [Span(String(repeating: " ", count: indent.count + bullet.displayWidth + 1))]
            return TextWrap.wrap(fragments: MarkdownInline.parse(text, style: .plain, theme: theme),
                                 width: width, firstPrefix: first, restPrefix: rest)
        case .quote(let inner):
            let body = layout(inner, width: max(1, width - 2), theme: theme)
            let bar = Span("│ ", style: theme.quoteBar)
            return body.map { line in
                StyledLine([bar] + line.spans.map { Span($0.text, style: $0.style.patched(with: theme.quote)) })
            }
        case .verbatim(let rows, let isCode):
            let style = isCode ? theme.codeBlock : Style.plain
            let indent = isCode && width > 8 ? "  " : ""
            var out: [StyledLine] = []
            for row in rows {
                // Too long for the column: wrapped between tokens, continuation
                // rows indented (see ``CodeWrap``); never reflowed.
                for part in CodeWrap.wrap(indent + row.replacingTabs(), indent: indent, width: width) {
                    out.append(StyledLine(part, style: style))
                }
            }
            return out
        case .rule:
            return [StyledLine(String(repeating: "─", count: width), style: theme.rule)]
        }
    }
}

extension String {
    /// Tabs expanded to the next multiple of four columns.
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        var out = ""
        var column = 0
        for c in self {
            if c == "\t" {
                let n = 4 - column % 4
                out += String(repeating: " ", count: n)
                column += n
            } else {
                out.append(c)
                column += DisplayWidth.of(c)
            }
        }
        return out
    }
}
