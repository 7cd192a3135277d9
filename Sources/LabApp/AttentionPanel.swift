import RNNLab
import TerminalUI

/// Rows the attention panel would like: its title, the source symbols, one
/// row per output step and the legend (two rows for the empty state).
func attentionPanelRows(_ run: RunState) -> Int {
    guard let grid = run.probes?.attention, grid.rows > 0, grid.columns > 0 else { return 2 }
    return grid.rows + 3
}

/// What the attention panel says when it has no weights to show.
func attentionEmptyText(_ run: RunState) -> String {
    let off: Bool
    switch run.settings["attention"] {
    case .number(let v)?: off = v == 0
    case .choice(let c)?: off = ["0", "off", "none", "no", "false"].contains(c.lowercased())
    case nil: off = false
    }
    return off ? "this model has no attention" : "attention appears after the first evaluation"
}

/// Where the parts of the attention panel go: the heatmap, the output
/// symbols to its left (one per row) and the source symbols above it (one
/// per column). Blocks are about square (two columns per row) and labels are
/// dropped when there is no room to give each row or column its own cells.
struct AttentionLayout: Equatable {
    /// The heatmap itself.
    var grid: Rect
    /// Cells per output step (0 when several steps share a row).
    var rowHeight: Int
    /// Cells per source step (0 when several steps share a column).
    var columnWidth: Int
    /// The row-label gutter left of the grid (its width is 0 without labels).
    var rowLabels: Rect
    /// The row above the grid for the source symbols, if there is one.
    var columnLabels: Rect?
    /// The row under the grid for the legend, if there is one.
    var legend: Rect?

    init(rows: Int, columns: Int, rowLabels: [String], columnLabels: [String], in body: Rect) {
        let legendRows = body.height >= 3 ? 1 : 0
        let labelRow = !columnLabels.isEmpty && body.height - legendRows - 1 >= rows ? 1 : 0
        let gridHeight = max(0, body.height - legendRows - labelRow)
        var rh = rows > 0 && rows <= gridHeight ? gridHeight / rows : 0
        let labelWidth = min(5, rowLabels.map(\.displayWidth).max() ?? 0)
        let gutter = rh > 0 && rowLabels.count == rows && labelWidth > 0 && body.width - labelWidth - 1 >= columns
            ? labelWidth + 1 : 0
        let available = max(0, body.width - gutter)
        var cw = columns > 0 && columns <= available ? available / columns : 0
        if rh > 0 && cw > 0 {
            // Two terminal columns make about one square with one row; wider
            // blocks only to fit the source symbols (up to five columns).
            let symbolWidth = min(5, columnLabels.map(\.displayWidth).max() ?? 0)
            cw = min(cw, max(2 * rh, symbolWidth + 1))
            rh = min(rh, max(1, (cw + 1) / 2))
        }
        let top = body.y + labelRow
        grid = Rect(x: body.x + gutter, y: top, width: cw > 0 ? cw * columns : available,
                    height: rh > 0 ? rh * rows : gridHeight)
        rowHeight = rh
        columnWidth = cw
        self.rowLabels = Rect(x: body.x, y: top, width: max(0, gutter - 1), height: grid.height)
        self.columnLabels = labelRow > 0 ? Rect(x: grid.x, y: body.y, width: available, height: 1) : nil
        legend = legendRows > 0 ? Rect(x: grid.x, y: grid.maxY, width: min(available, 24), height: 1) : nil
    }
}

/// The attention weights of the latest probes as a heatmap: output steps
/// down (labelled with the decoded symbols), source steps across (labelled
/// with the source symbols), 0…1 on the sequential map.
func drawAttention(_ run: RunState, in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    buffer.write(panelTitle(.attention, run.probes), in: area.row(0), alignment: .left, style: LabTheme.bold)
    let grid = run.probes?.attention ?? Grid(rows: 0, columns: 0, values: [])
    guard let probes = run.probes, grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns else {
        buffer.write(attentionEmptyText(run), in: area.inset(top: 1).row(0), alignment: .left, style: LabTheme.dim)
        return
    }
    let body = area.inset(top: 1)
    guard !body.isEmpty else { return }
    let rowSymbols = probes.attentionRows.count == grid.rows ? probes.attentionRows : []
    let columnSymbols = probes.attentionColumns.count == grid.columns ? probes.attentionColumns : []
    let layout = AttentionLayout(rows: grid.rows, columns: grid.columns, rowLabels: rowSymbols,
                                 columnLabels: columnSymbols, in: body)
    buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: .sequential,
                          range: 0...1, showLegend: false), in: layout.grid)
    if layout.rowLabels.width > 0 {
        for (r, symbol) in rowSymbols.enumerated() {
            let y = layout.grid.y + r * layout.rowHeight + (layout.rowHeight - 1) / 2
            buffer.write(tickLabel(symbol, width: layout.rowLabels.width),
                         in: Rect(x: layout.rowLabels.x, y: y, width: layout.rowLabels.width, height: 1),
                         alignment: .right, style: LabTheme.dim)
        }
    }
    if let row = layout.columnLabels {
        let cw = layout.columnWidth
        if cw > 0 {
            // A column between neighbouring symbols when the blocks allow it.
            let room = cw > 2 ? cw - 1 : 1
            for (c, symbol) in columnSymbols.enumerated() {
                let text = tickLabel(symbol, width: room)
                let x = layout.grid.x + c * cw + (cw - text.displayWidth) / 2
                buffer.write(text, x: x, y: row.y, style: LabTheme.dim, maxWidth: row.maxX - x)
            }
        } else {
            buffer.write("\(grid.columns) source steps →", in: row, alignment: .left, style: LabTheme.dim)
        }
    }
    if let legend = layout.legend {
        // A grid of no cells draws only its legend, on the last of two rows.
        buffer.render(Heatmap(rows: 0, columns: 0, values: [], colorMap: .sequential, range: 0...1),
                      in: Rect(x: legend.x, y: legend.y - 1, width: legend.width, height: 2))
    }
}

/// A symbol cut to `width` columns: with "…" when there is room for more
/// than one character, else its first character.
func tickLabel(_ symbol: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if symbol.displayWidth <= width { return symbol }
    if width == 1, let first = symbol.first, first.displayWidth == 1 { return String(first) }
    return symbol.truncated(toDisplayWidth: width)
}

private extension Character {
    var displayWidth: Int { DisplayWidth.of(self) }
}
