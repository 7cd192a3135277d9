/// A rows × columns grid of numbers shown as coloured cells: units × time
/// steps, or target × source positions of an attention matrix.
///
/// When the grid is smaller than the area each value takes a block of whole
/// cells; when larger, each cell shows the mean of the finite values it
/// covers. Cells whose values are all non-finite show `×`, and a cell that
/// mixes in any non-finite value is marked with `×` over its colour. The last
/// row is a legend: minimum, the colour scale, maximum. Without colour the
/// cells are drawn with shade characters (` ░▒▓█`, or ASCII ` .:-=+*#%@`).
public struct Heatmap: Widget, Sendable {
    /// Number of rows of the grid.
    public var rows: Int
    /// Number of columns of the grid.
    public var columns: Int
    /// Values row by row: value (r, c) is at `r * columns + c`. With fewer
    /// than `rows * columns` values only the legend is drawn.
    public var values: [Double]
    public var colorMap: ColorMap
    /// Fixed range; `nil` to fit the finite values (symmetric around 0 for a
    /// diverging map).
    public var range: ClosedRange<Double>?
    public var showLegend: Bool

    public init(rows: Int, columns: Int, values: [Double], colorMap: ColorMap = .sequential,
                range: ClosedRange<Double>? = nil, showLegend: Bool = true) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.values = values
        self.colorMap = colorMap
        self.range = range
        self.showLegend = showLegend
    }

    /// The range of the colour scale.
    func scaleRange() -> (Double, Double) {
        if let r = range, r.lowerBound.isFinite, r.upperBound.isFinite, r.lowerBound < r.upperBound {
            return (r.lowerBound, r.upperBound)
        }
        var lo = Double.infinity, hi = -Double.infinity
        for v in values.prefix(rows * columns) where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        if !(lo <= hi) { return colorMap.isDiverging ? (-1, 1) : (0, 1) }
        if colorMap.isDiverging {
            let m = max(Swift.abs(lo), Swift.abs(hi))
            return m > 0 ? (-m, m) : (-1, 1)
        }
        return lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5)
    }

    /// For each of `cells` display positions, the range of grid indices it covers.
    static func bins(count: Int, cells: Int) -> [Range<Int>] {
        (0..<cells).map { c in
            let lo = c * count / cells
            return lo..<max(lo + 1, (c + 1) * count / cells)
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let (lo, hi) = scaleRange()
            let legendRows = showLegend && a.height >= 2 ? 1 : 0
            if legendRows > 0 { drawLegend(x: a.x, y: a.maxY - 1, width: a.width, lo: lo, hi: hi, buffer: &buf) }
            let gh = a.height - legendRows
            guard rows > 0, columns > 0, gh > 0, values.count >= rows * columns else { return }
            let dw = columns <= a.width ? columns * (a.width / columns) : a.width
            let dh = rows <= gh ? rows * (gh / rows) : gh
            let colBins = Heatmap.bins(count: columns, cells: dw)
            let rowBins = Heatmap.bins(count: rows, cells: dh)
            let color = buf.capabilities.color, unicode = buf.capabilities.unicodeGlyphs
            let span = hi - lo
            values.withUnsafeBufferPointer { v in
                for (cy, rb) in rowBins.enumerated() {
                    for (cx, cb) in colBins.enumerated() {
                        var sum = 0.0, n = 0, bad = false
                        for r in rb {
                            let base = r * columns
                            for c in cb {
                                let x = v[base + c]
                                if x.isFinite { sum += x; n += 1 } else { bad = true }
                            }
                        }
                        let px = a.x + cx, py = a.y + cy
                        guard n > 0 else {
                            buf.setNarrow(x: px, y: py, symbol: unicode ? "×" : "x", style: .fg(.red))
                            continue
                        }
                        let t = span > 0 ? (sum / Double(n) - lo) / span : 0.5
                        if color {
                            let style = Style(foreground: bad ? .black : nil, background: colorMap.color(at: t))
                            buf.setNarrow(x: px, y: py, symbol: bad ? (unicode ? "×" : "x") : " ", style: style)
                        } else {
                            buf.setNarrow(x: px, y: py, symbol: bad ? (unicode ? "×" : "x") : ColorMap.shade(at: t, unicode: unicode))
                        }
                    }
                }
            }
        }
    }

    /// `lo scale hi` on one row; without colour `lo [ ░▒▓█] hi`.
    func drawLegend(x: Int, y: Int, width: Int, lo: Double, hi: Double, buffer buf: inout Buffer) {
        let loText = NumberFormat.compact(lo) + " ", hiText = " " + NumberFormat.compact(hi)
        let scaleW = min(16, width - loText.displayWidth - hiText.displayWidth)
        guard scaleW >= 2 else {
            // No room for the ramp: the two ends whole, closer together, or (a range
            // symmetric about 0) "±hi"; else nothing. A number cut short ("0.") would misinform.
            let (l, h) = (NumberFormat.compact(lo), NumberFormat.compact(hi))
            let plusMinus = buf.capabilities.unicode ? "±" : "+-"
            let forms = [loText + hiText, l + " " + h] + (l == "-" + h ? [plusMinus + h] : [])
            if let text = forms.first(where: { $0.displayWidth <= width }) {
                buf.write(text, x: x, y: y, style: .dim, maxWidth: width)
            }
            return
        }
        var cx = x + buf.write(loText, x: x, y: y, style: .dim)
        // Without colour the ramp of shades is bracketed, so its blank low
        // end reads as part of the scale (lowest on the left).
        let bracketed = !buf.capabilities.color && scaleW >= 4
        let rampW = bracketed ? scaleW - 2 : scaleW
        if bracketed { cx += buf.write("[", x: cx, y: y, style: .dim) }
        for i in 0..<rampW {
            let t = Double(i) / Double(max(1, rampW - 1))
            if buf.capabilities.color {
                buf.setNarrow(x: cx, y: y, symbol: " ", style: Style(background: colorMap.color(at: t)))
            } else {
                buf.setNarrow(x: cx, y: y, symbol: ColorMap.shade(at: t, unicode: buf.capabilities.unicodeGlyphs))
            }
            cx += 1
        }
        if bracketed { cx += buf.write("]", x: cx, y: y, style: .dim) }
        buf.write(hiText, x: cx, y: y, style: .dim)
    }
}
