import LabText
import RNNLab
import TerminalUI

/// A panel's heading on the first row of `area`.
func drawHeading(_ title: String, in area: Rect, buffer: inout Buffer) {
    buffer.write(title, in: area.row(0), alignment: .left, style: LabTheme.bold)
}

/// A heading and a dim note under it saying why there is nothing to show yet,
/// wrapped over the rows the panel has rather than cut at its edge.
func drawPlaceholder(_ title: String, _ note: String, in area: Rect, buffer: inout Buffer) {
    drawHeading(title, in: area, buffer: &buffer)
    guard area.width > 0 else { return }
    let rows = max(1, area.height - 1)
    var lines = wrap(note, width: area.width, maxLines: rows + 1)
    if lines.count > rows {
        // More than the rows hold: the last row ends in "…".
        lines = Array(lines.prefix(rows - 1)) + [(lines[rows - 1] + " " + lines[rows]).truncated(toDisplayWidth: area.width)]
    }
    for (i, line) in lines.enumerated() {
        buffer.write(line, in: area.row(1 + i), alignment: .left, style: LabTheme.dim)
    }
}

extension PanelContext {
    /// What a probe panel says before the trainer's first probes arrive.
    var waitingForProbes: String { text(.waitingForProbes) }

    /// `title` with the step the probes shown were taken at, once there are probes:
    /// "hidden h_t: units × t (step 120)".
    func titleAtProbeStep(_ title: String) -> String {
        guard let probes = run.probes else { return title }
        return text(.titleAtStep, ["title": .text(title), "step": .integer(probes.step)])
    }
}

/// A titled heatmap of a grid: units × time steps.
func drawGrid(_ title: String, _ grid: Grid, _ map: ColorMap, _ context: PanelContext, in area: Rect, buffer: inout Buffer) {
    drawHeading(title, in: area, buffer: &buffer)
    guard grid.rows > 0 else {
        buffer.write(context.text(.nothingForCell), in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: map), in: area.inset(top: 1))
}

/// The inspect cursor over a grid drawn by ``drawGrid(_:_:_:_:in:buffer:)``.
func gridInspection(_ title: String, _ grid: Grid, _ map: ColorMap, _ context: PanelContext, in area: Rect) -> Inspection? {
    let heatmap = Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: map)
    return Inspection.grid(title, grid, map: heatmap, in: area.inset(top: 1), context)
}

/// About how far a plot's legend starts from the panel's left edge: the y
/// labels and the axis (a plot's legend is as wide as its dots).
let legendIndent = 6

/// The first of `titles` (longest first) that fits in `width` display
/// columns, else the last, which the heading then cuts with "…": a narrow
/// panel keeps a short whole title rather than the start of a long one.
/// Without `unicode` a title is measured as the buffer will write it, with
/// its spelled-out stand-ins (ρ as `rho`).
func fittingTitle(_ titles: [String], width: Int, unicode: Bool = true) -> String {
    titles.first { (unicode ? $0 : ASCIIFallback.text(for: $0)).displayWidth <= width } ?? titles.last ?? ""
}
