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

/// What a probe panel says before the trainer's first probes arrive.
let waitingForProbes = "waiting for the first step…"

/// " (step 120)": the step the probes shown were taken at.
func probeStep(_ probes: ProbeView?) -> String { probes.map { " (step \($0.step))" } ?? "" }

/// A titled heatmap of a grid: units × time steps.
func drawGrid(_ title: String, _ grid: Grid, _ map: ColorMap, in area: Rect, buffer: inout Buffer) {
    drawHeading(title, in: area, buffer: &buffer)
    guard grid.rows > 0 else {
        buffer.write("nothing to show for this cell", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: map), in: area.inset(top: 1))
}
