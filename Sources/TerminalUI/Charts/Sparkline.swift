/// A compact trend line of block characters (`▁▂▃▄▅▆▇█`), one value per
/// column, the most recent values at the right. With more than one row the
/// bars stack, giving eight levels per row.
///
/// NaN and infinite values show as `×`; a constant series sits at mid height.
/// In ASCII mode the levels are drawn with `_.-=#`.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    /// Fixed range; `nil` to fit the finite values shown.
    public var range: ClosedRange<Double>?
    public var style: Style
    /// Style of the `×` marking a non-finite value.
    public var invalidStyle: Style

    public init(values: [Double], range: ClosedRange<Double>? = nil, style: Style = .plain,
                invalidStyle: Style = .fg(.red)) {
        self.values = values
        self.range = range
        self.style = style
        self.invalidStyle = invalidStyle
    }

    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiBlocks: [Character] = [" ", "_", "_", ".", ".", "-", "=", "=", "#"]

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let shown = values.suffix(a.width)
            var lo = Double.infinity, hi = -Double.infinity
            if let r = range, r.lowerBound.isFinite, r.upperBound.isFinite {
                lo = r.lowerBound; hi = r.upperBound
            } else {
                for v in shown where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
            }
            let levels = 8 * a.height
            let glyphs = buf.capabilities.unicodeGlyphs ? Sparkline.blocks : Sparkline.asciiBlocks
            for (column, v) in shown.enumerated() {
                let x = a.x + column
                guard v.isFinite else {
                    buf.setNarrow(x: x, y: a.maxY - 1, symbol: buf.capabilities.unicodeGlyphs ? "×" : "x", style: invalidStyle)
                    continue
                }
                var level: Int
                if hi > lo {
                    let f = (min(max(v, lo), hi) - lo) / (hi - lo)
                    level = 1 + Int((f * Double(levels - 1)).rounded())
                } else {
                    level = max(1, levels / 2)
                }
                level = min(max(level, 1), levels)
                for row in 0..<a.height {
                    let eighths = min(8, max(0, level - 8 * row))
                    if eighths == 0 { break }
                    buf.setNarrow(x: x, y: a.maxY - 1 - row, symbol: glyphs[eighths], style: style)
                }
            }
        }
    }
}
