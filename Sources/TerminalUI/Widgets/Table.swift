/// Rows of text under a header, in columns sized to their content.
///
/// Columns take the width of their widest entry (header included), up to
/// `maxWidth`; when the table is too wide the widest columns give up cells
/// first and long entries are cut with "…". The rows scroll so that the
/// selected row is always visible.
public struct Table: Widget, Sendable {
    /// One column.
    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// Upper bound on the column's width.
        public var maxWidth: Int
        public init(_ title: String, alignment: Alignment = .left, maxWidth: Int = Int.max) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    /// Rows of entries; missing entries are blank, extra ones ignored.
    public var rows: [[String]]
    /// Index of the highlighted row, if any.
    public var selectedRow: Int?
    /// First row shown (adjusted to keep the selected row visible).
    public var scrollOffset: Int
    public var headerStyle: Style
    public var selectedStyle: Style
    public var columnSpacing: Int

    public init(columns: [Column], rows: [[String]], selectedRow: Int? = nil, scrollOffset: Int = 0,
                headerStyle: Style = Style(attributes: [.bold]), selectedStyle: Style = .reverse,
                columnSpacing: Int = 2) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.columnSpacing = columnSpacing
    }

    /// Widths of the columns for a table `width` cells wide.
    public func columnWidths(for width: Int) -> [Int] {
        var widths = columns.enumerated().map { i, col -> Int in
            var w = col.title.displayWidth
            for row in rows where i < row.count { w = max(w, row[i].displayWidth) }
            return min(w, max(0, col.maxWidth))
        }
        let spacing = max(0, columnSpacing) * max(0, columns.count - 1)
        var excess = widths.reduce(0, +) + spacing - max(0, width)
        while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 0 {
            let second = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
            let cut = min(excess, max(1, widths[widest] - second))
            widths[widest] -= cut
            excess -= cut
        }
        return widths
    }

    /// First row shown in a body of `bodyHeight` rows.
    func firstVisibleRow(bodyHeight: Int) -> Int {
        var first = max(0, min(scrollOffset, rows.count - bodyHeight))
        if let s = selectedRow, bodyHeight > 0 {
            if s < first { first = s }
            if s >= first + bodyHeight { first = s - bodyHeight + 1 }
        }
        return max(0, first)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let widths = columnWidths(for: a.width)
            let spacing = max(0, columnSpacing)
            func drawRow(_ entries: [String], y: Int, style: Style) {
                var x = a.x
                for (i, col) in columns.enumerated() {
                    let w = widths[i]
                    let text = i < entries.count ? entries[i] : ""
                    buf.write(text, in: Rect(x: x, y: y, width: w, height: 1), alignment: col.alignment, style: style)
                    x += w + spacing
                }
            }
            drawRow(columns.map(\.title), y: a.y, style: headerStyle)
            guard a.height >= 2 else { return }
            let rule: Character = buf.capabilities.unicodeGlyphs ? "─" : "-"
            for x in a.minX..<a.maxX { buf.setNarrow(x: x, y: a.y + 1, symbol: rule, style: .dim) }
            let bodyHeight = a.height - 2
            let first = firstVisibleRow(bodyHeight: bodyHeight)
            for r in 0..<max(0, bodyHeight) {
                let index = first + r
                guard index < rows.count else { break }
                let y = a.y + 2 + r
                let selected = index == selectedRow
                if selected { buf.fill(Rect(x: a.x, y: y, width: a.width, height: 1), style: selectedStyle) }
                drawRow(rows[index], y: y, style: selected ? selectedStyle : .plain)
            }
        }
    }
}
