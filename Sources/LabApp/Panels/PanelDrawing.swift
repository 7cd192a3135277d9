import LabText
import RNNLab
import TerminalUI

/// A panel's heading on the first row of `area`.
func drawHeading(_ title: String, in area: Rect, buffer: inout Buffer) {
    buffer.write(title, in: area.row(0), alignment: .left, style: LabTheme.bold)
}

/// A heading and a dim line under it saying why there is nothing to show yet.
func drawPlaceholder(_ title: String, _ note: String, in area: Rect, buffer: inout Buffer) {
    drawHeading(title, in: area, buffer: &buffer)
    buffer.write(note, in: area.row(1), alignment: .left, style: LabTheme.dim)
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
