extension Heatmap {
    /// The cell of `area` that shows grid value (`row`, `column`), as
    /// ``render(in:buffer:)`` lays the grid out (whole cells per value when the
    /// grid is small, several values a cell when it is large); nil outside the grid
    /// or when nothing is drawn.
    public func cell(row: Int, column: Int, in area: Rect) -> (x: Int, y: Int)? {
        guard (0..<rows).contains(row), (0..<columns).contains(column), !area.isEmpty else { return nil }
        let legendRows = showLegend && area.height >= 2 ? 1 : 0
        let gh = area.height - legendRows
        guard gh > 0 else { return nil }
        let dw = columns <= area.width ? columns * (area.width / columns) : area.width
        let dh = rows <= gh ? rows * (gh / rows) : gh
        guard let cx = Heatmap.bins(count: columns, cells: dw).firstIndex(where: { $0.contains(column) }),
              let cy = Heatmap.bins(count: rows, cells: dh).firstIndex(where: { $0.contains(row) }) else { return nil }
        return (area.x + cx, area.y + cy)
    }
}
