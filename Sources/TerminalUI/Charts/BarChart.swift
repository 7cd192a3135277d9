/// Which way the bars of a ``BarChart`` grow.
public enum BarDirection: Hashable, Sendable {
    /// One bar per row, growing to the right, label on the left.
    case across
    /// One bar per column group, growing upwards, label underneath.
    case up
}

/// Labelled bars with eighth-cell resolution, on a linear or log scale.
///
/// Bars start at zero (linear) or at a tenth of the smallest positive value
/// (log); negative, zero-on-log and non-finite values get an empty bar and
/// their value printed as is.
public struct BarChart: Widget, Sendable {
    /// One bar.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// Overrides the chart's bar style.
        public var style: Style?
        public init(label: String, value: Double, style: Style? = nil) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    public var bars: [Bar]
    public var direction: BarDirection
    public var scale: AxisScale
    /// Value of a full bar; `nil` for the largest value.
    public var maximum: Double?
    public var barStyle: Style
    public var labelStyle: Style
    /// Whether to print each value (beside across bars, above up bars when room).
    public var showValues: Bool

    public init(bars: [Bar], direction: BarDirection = .across, scale: AxisScale = .linear,
                maximum: Double? = nil, barStyle: Style = .fg(.cyan), labelStyle: Style = .plain,
                showValues: Bool = true) {
        self.bars = bars
        self.direction = direction
        self.scale = scale
        self.maximum = maximum
        self.barStyle = barStyle
        self.labelStyle = labelStyle
        self.showValues = showValues
    }

    static let across: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let up: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Fraction 0…1 of a full bar for each value.
    func fractions() -> [Double] {
        let log = scale == .log
        let usable = bars.map(\.value).filter { $0.isFinite && (log ? $0 > 0 : true) }
        var top = maximum ?? (usable.max() ?? 1)
        if !(top.isFinite) || top <= 0 { top = usable.max() ?? 1 }
        if log {
            let floor = (usable.min() ?? 1) / 10
            let span = Math.log10(top) - Math.log10(floor)
            return bars.map { b in
                guard b.value.isFinite, b.value > 0, span > 0 else { return 0 }
                return min(1, max(0, (Math.log10(b.value) - Math.log10(floor)) / span))
            }
        }
        return bars.map { b in
            guard b.value.isFinite, b.value > 0, top > 0 else { return 0 }
            return min(1, b.value / top)
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty, !bars.isEmpty else { return }
            switch direction {
            case .across: drawAcross(in: a, buffer: &buf)
            case .up: drawUp(in: a, buffer: &buf)
            }
        }
    }

    func drawAcross(in a: Rect, buffer buf: inout Buffer) {
        let unicode = buf.capabilities.unicodeGlyphs
        let labelW = min(bars.map { $0.label.displayWidth }.max() ?? 0, a.width / 3)
        let valueTexts = bars.map { NumberFormat.compact($0.value) }
        let valueW = showValues ? (valueTexts.map(\.displayWidth).max() ?? 0) + 1 : 0
        let barX = a.x + (labelW > 0 ? labelW + 1 : 0)
        let barW = max(0, a.maxX - barX - valueW)
        for (row, (bar, f)) in zip(bars, fractions()).enumerated() where row < a.height {
            let y = a.y + row
            let label = bar.label.truncated(toDisplayWidth: labelW)
            buf.write(label, x: barX - 1 - label.displayWidth, y: y, style: labelStyle)
            let eighths = Int((f * Double(barW * 8)).rounded())
            let style = bar.style ?? barStyle
            for i in 0..<barW {
                let e = min(8, max(0, eighths - 8 * i))
                if e == 0 { break }
                buf.setNarrow(x: barX + i, y: y, symbol: unicode ? BarChart.across[e] : (e >= 4 ? "#" : " "), style: style)
            }
            if showValues {
                let used = (eighths + 7) / 8
                buf.write(valueTexts[row], x: barX + used + 1, y: y, style: labelStyle, maxWidth: a.maxX - (barX + used + 1))
            }
        }
    }

    func drawUp(in a: Rect, buffer buf: inout Buffer) {
        let unicode = buf.capabilities.unicodeGlyphs
        let n = bars.count
        let gap = a.width >= 2 * n ? 1 : 0
        let barW = max(1, (a.width - gap * (n - 1)) / n)
        let labelRows = a.height >= 3 ? 1 : 0
        let valueRows = showValues && a.height >= 4 ? 1 : 0
        let h = a.height - labelRows - valueRows
        guard h > 0 else { return }
        let bottom = a.y + valueRows + h - 1
        for (i, (bar, f)) in zip(bars, fractions()).enumerated() {
            let x = a.x + i * (barW + gap)
            guard x < a.maxX else { break }
            let eighths = Int((f * Double(h * 8)).rounded())
            let style = bar.style ?? barStyle
            for row in 0..<h {
                let e = min(8, max(0, eighths - 8 * row))
                if e == 0 { break }
                for dx in 0..<barW {
                    buf.setNarrow(x: x + dx, y: bottom - row, symbol: unicode ? BarChart.up[e] : (e >= 4 ? "#" : "_"), style: style)
                }
            }
            if labelRows > 0 {
                buf.write(bar.label.truncated(toDisplayWidth: barW), x: x, y: bottom + 1, style: labelStyle, maxWidth: barW)
            }
            if valueRows > 0 {
                let text = NumberFormat.compact(bar.value)
                if text.displayWidth <= barW {
                    let top = bottom - (eighths + 7) / 8
                    buf.write(text, x: x, y: max(a.y, top), style: labelStyle, maxWidth: barW)
                }
            }
        }
    }
}
