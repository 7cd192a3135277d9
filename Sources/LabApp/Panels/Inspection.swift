import LabText
import RNNLab
import TerminalUI

/// What the inspect cursor (`i`) can read in one panel as drawn in its
/// rectangle: a grid of `rows` × `columns` positions (units × time steps of a
/// heatmap; one row of screen columns of a plot), the screen cells that show
/// each, and what the cursor reads there.
struct Inspection {
    var rows: Int
    var columns: Int
    /// Where the cursor starts: the newest column of a plot, the first cell of a heatmap.
    var start: (row: Int, column: Int)
    /// The screen cells showing (row, column), highlighted under the cursor.
    var cells: (Int, Int) -> [(x: Int, y: Int)]
    /// The readout at (row, column), for the message line.
    var readout: (Int, Int) -> String

    /// (`row`, `column`) kept inside the grid.
    func clamp(_ row: Int, _ column: Int) -> (row: Int, column: Int) {
        (min(max(0, row), max(0, rows - 1)), min(max(0, column), max(0, columns - 1)))
    }

    /// The position whose cells include (`x`, `y`), if any: where a click lands.
    func position(atX x: Int, y: Int) -> (row: Int, column: Int)? {
        for r in 0..<rows {
            for c in 0..<columns where cells(r, c).contains(where: { $0.x == x && $0.y == y }) { return (r, c) }
        }
        return nil
    }

    /// A heatmap of `grid` (units × time) drawn as `map` in `area`: unit, t and the value.
    static func grid(_ panel: String, _ grid: Grid, map: Heatmap, in area: Rect, _ context: PanelContext) -> Inspection? {
        guard grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns,
              map.cell(row: 0, column: 0, in: area) != nil else { return nil }
        return Inspection(rows: grid.rows, columns: grid.columns, start: (0, 0),
                          cells: { r, c in map.cell(row: r, column: c, in: area).map { [$0] } ?? [] },
                          readout: { r, c in
                              context.language(.explore(.inspectCell), ["panel": .text(panel), "unit": .integer(r), "t": .integer(c),
                                                                        "value": .text(PanelNumbers.value(grid.values[r * grid.columns + c]))])
                          })
    }

    /// A line plot drawn in `area`: one position per screen column of its
    /// dots; the readout names the x there (`x` writes it: "step 1200", "t 7")
    /// and each series' nearest point.
    static func plot(_ panel: String, _ plot: LinePlot, in area: Rect, _ context: PanelContext,
                     x: @escaping (Double) -> Phrase) -> Inspection? {
        guard let dots = plot.plotArea(in: area), plot.series.contains(where: { !$0.values.isEmpty }) else { return nil }
        return Inspection(rows: 1, columns: dots.width, start: (0, dots.width - 1),
                          cells: { _, c in (0..<dots.height).map { (dots.x + c, dots.y + $0) } },
                          readout: { _, c in
                              let step = plot.step(atColumn: c, in: area) ?? 0
                              let values: [Phrase] = plot.nearestPoints(to: step).compactMap { point in
                                  point.map { p in
                                      // An unnamed series (the panel's only one, named by the panel) shows its value alone.
                                      p.name.isEmpty ? .verbatim(PanelNumbers.value(p.value))
                                          : Phrase(.explore(.inspectSeriesValue), ["series": .text(p.name), "value": .text(PanelNumbers.value(p.value))])
                                  }
                              }
                              return context.language(.explore(.inspectPlot), ["panel": .text(panel), "x": .phrase(x(step)),
                                                                               "values": .list(values)])
                          })
    }
}

/// "step 1200": the x of a plot by training step, rounded to a whole step.
func stepPhrase(_ step: Double) -> Phrase { Phrase(.explore(.inspectStep), ["step": .integer(Int(step.rounded()))]) }
/// "t 7": the x of a plot by time step of the sequence.
func timePhrase(_ t: Double) -> Phrase { Phrase(.explore(.inspectTime), ["t": .integer(Int(t.rounded()))]) }
