import TerminalUI

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
