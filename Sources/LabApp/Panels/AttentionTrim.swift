import RNNLab

/// The attention grid without what is not the sentence: output rows after the
/// first `<eos>` (the decoder's row for `<eos>` stays, it is a real step), and
/// source columns of padding (`<pad>`) at the end. Labels go with their rows and
/// columns; a grid without labels, or one whose labels do not match, is kept whole.
func trimmedAttention(_ grid: Grid) -> Grid {
    guard grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns else { return grid }
    let end = Vocabulary.reserved[Vocabulary.end], pad = Vocabulary.reserved[Vocabulary.pad]
    var rows = grid.rows, columns = grid.columns
    if grid.rowLabels.count == grid.rows, let first = grid.rowLabels.firstIndex(of: end) { rows = first + 1 }
    if grid.columnLabels.count == grid.columns {
        while columns > 1 && grid.columnLabels[columns - 1] == pad { columns -= 1 }
    }
    guard rows < grid.rows || columns < grid.columns else { return grid }
    var values: [Double] = []
    values.reserveCapacity(rows * columns)
    for r in 0..<rows { values += grid.values[(r * grid.columns)..<(r * grid.columns + columns)] }
    return Grid(rows: rows, columns: columns, values: values,
                rowLabels: grid.rowLabels.count == grid.rows ? Array(grid.rowLabels.prefix(rows)) : grid.rowLabels,
                columnLabels: grid.columnLabels.count == grid.columns ? Array(grid.columnLabels.prefix(columns)) : grid.columnLabels,
                rowGroups: grid.rowGroups)
}
