import TerminalUI

/// The compare panel's table laid out for the width it gets: a header row and
/// one row per run, in columns that never cut a cell. When the columns are too
/// wide together, ``CompareTable/fitted(width:)`` makes them narrower in the
/// order `steps` lists: a column's header takes its next, shorter form, or an
/// optional column leaves. The first column (the settings' values) comes last:
/// its header, the settings' names, is cut with "…" to whatever room the other
/// columns leave, never narrower than its values.
struct CompareTable: Equatable {
    struct Column: Equatable {
        /// The header's forms, longest first.
        var headers: [String]
        /// One cell per row.
        var cells: [String]
        /// The least width it takes, so that columns stay put while values grow.
        var minimum = 0
        /// The form of the header in use (an index into `headers`).
        var form = 0

        var header: String { headers[form] }
        /// The widest of its header and cells, at least `minimum`.
        var width: Int { max(minimum, ([header] + cells).map(\.displayWidth).max() ?? 0) }
    }

    /// One way of making the table narrower.
    enum Step: Equatable {
        /// The column's header takes its next shorter form (nothing once it has none).
        case shorten(Int)
        /// The column leaves the table.
        case drop(Int)
    }

    /// The columns, left to right; the first one names the rows.
    var columns: [Column]
    /// Whether each column is still shown.
    var shown: [Bool]

    init(columns: [Column]) {
        self.columns = columns
        shown = columns.map { _ in true }
    }

    /// Columns are one space apart.
    static let gap = 1

    /// The columns shown with the width each takes (its widest text and the gap after it).
    var layout: [(column: Column, width: Int)] {
        columns.indices.filter { shown[$0] }.map { (columns[$0], columns[$0].width + Self.gap) }
    }

    /// The columns shown, side by side, without the last gap.
    var width: Int { max(0, layout.map(\.width).reduce(0, +) - Self.gap) }

    /// The table after as many of `steps`, in order, as it takes to be at
    /// most `width` columns wide, less those a later step made needless (the
    /// last taken is undone first, each only if the table still fits); then,
    /// if still too wide, the first column's header is cut to the room left
    /// (not below its cells' width). Without Unicode the cut ends in "...",
    /// which the screen would otherwise draw for "…" two columns wider than measured.
    func fitted(width: Int, steps: [Step], unicode: Bool = true) -> CompareTable {
        var table = self
        var taken: [Step] = []
        for step in steps where table.width > width {
            switch step {
            case .shorten(let i) where table.columns[i].form + 1 < table.columns[i].headers.count: table.columns[i].form += 1
            case .drop(let i) where table.shown[i]: table.shown[i] = false
            default: continue
            }
            taken.append(step)
        }
        if table.width <= width {
            for step in taken.reversed() {
                var undone = table
                switch step {
                case .shorten(let i): undone.columns[i].form -= 1
                case .drop(let i): undone.shown[i] = true
                }
                if undone.width <= width { table = undone }
            }
            return table
        }
        guard let first = table.columns.first else { return table }
        let cellsWidth = first.cells.map(\.displayWidth).max() ?? 0
        let room = max(cellsWidth, first.width - (table.width - width))
        var cut = first.header.truncated(toDisplayWidth: unicode ? room : max(1, room - 2))
        if !unicode, cut != first.header, cut.hasSuffix("…") { cut = String(cut.dropLast()) + "..." }
        table.columns[0].headers = [cut]
        table.columns[0].form = 0
        table.columns[0].minimum = min(first.minimum, room)
        return table
    }

    /// The header row's text.
    var headerLine: String { line { $0.header } }

    /// Row `row`'s text.
    func rowLine(_ row: Int) -> String { line { $0.cells.indices.contains(row) ? $0.cells[row] : "" } }

    private func line(_ text: (Column) -> String) -> String {
        let cells = layout
        return cells.enumerated().map { i, cell in
            i == cells.count - 1 ? text(cell.column) : text(cell.column).padded(toColumns: cell.width, minimumGap: Self.gap)
        }.joined()
    }
}
