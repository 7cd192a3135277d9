extension Buffer {
    /// Writes `text` from (`x`, `y`) rightwards in `style`, stopping before the
    /// grapheme that would pass `maxWidth` columns. Tabs are shown as one
    /// space, other control characters are skipped. Returns the columns taken
    /// (also counting parts hidden by clipping).
    @discardableResult
    public mutating func write<S: StringProtocol>(
        _ text: S, x: Int, y: Int, style: Style = .plain, maxWidth: Int = Int.max
    ) -> Int {
        guard capabilities.unicode || text.allSatisfy(\.isASCII) else {
            // Spelled-out stand-ins first (✓ `[x]`, ρ `rho`, … `...`); the
            // cells replace any other non-ASCII character one for one.
            return writeGraphemes(ASCIIFallback.text(for: text), x: x, y: y, style: style, maxWidth: maxWidth)
        }
        return writeGraphemes(text, x: x, y: y, style: style, maxWidth: maxWidth)
    }

    /// ``write(_:x:y:style:maxWidth:)`` once stand-ins are in place.
    private mutating func writeGraphemes<S: StringProtocol>(
        _ text: S, x: Int, y: Int, style: Style, maxWidth: Int
    ) -> Int {
        var used = 0
        let rowVisible = y >= clip.minY && y < clip.maxY
        for c in text {
            var c = c
            if c == "\t" { c = " " }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if used + w > maxWidth { break }
            let cx = x + used
            if rowVisible && cx + w > clip.minX && cx < clip.maxX {
                if w == 1 {
                    setNarrow(x: cx, y: y, symbol: c, style: style)
                } else {
                    set(x: cx, y: y, symbol: c, style: style)
                }
            }
            used += w
        }
        return used
    }

    /// Writes `spans` one after another from (`x`, `y`), at most `maxWidth`
    /// columns in all. Returns the columns taken.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, maxWidth: Int = Int.max) -> Int {
        var used = 0
        for span in spans {
            guard used < maxWidth else { break }
            used += write(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }

    /// Writes `text` in `rect`'s first row, aligned, cut with "…" when too long.
    public mutating func write(_ text: String, in rect: Rect, alignment: Alignment, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        let text = capabilities.unicode ? text : ASCIIFallback.text(for: text)
        var shown = text.truncated(toDisplayWidth: rect.width)
        if !capabilities.unicode && shown != text {
            // The cut's … becomes `...`: leave it the two columns more it takes.
            shown = String(text.truncated(toDisplayWidth: max(1, rect.width - 2)))
        }
        let w = shown.displayWidth
        let x: Int
        switch alignment {
        case .left: x = rect.x
        case .right: x = rect.maxX - w
        case .center: x = rect.x + (rect.width - w) / 2
        }
        withClip(rect) { $0.write(shown, x: x, y: rect.y, style: style) }
    }
}

/// Horizontal placement of text in a cell range.
public enum Alignment: Sendable, Hashable {
    case left, center, right
}
