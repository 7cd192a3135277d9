import LabText
import RNNLab
import TerminalUI

/// A bidirectional layer's two directions side by side in time: the forward
/// direction's hidden states over the backward one's, units down and time
/// across (input order for both), each on its own diverging scale. At step t the
/// forward states have read x_0…x_t and the backward ones x_t…x_(T−1), so a
/// task that needs the future shows its work in the lower map. With one
/// direction only the forward map is drawn, with a note. Read from the `hidden`
/// and `hidden_backward` probes (the probed training sequence).
struct DirectionsPanel: DashboardPanel {
    let id = PanelKind.directions
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.hidden, .hiddenBackward]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.directionsTitle)) }
    func titles(_ context: PanelContext) -> [String] {
        [title(context), context.text(.directionsTitle), context.titleAtProbeStep(context.text(.directionsTitleShort)), context.text(.directionsTitleShort)]
    }

    /// The heading and, per direction, its label, a few rows of units and a legend.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 5, preferred: 14) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let probes = context.run.probes else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard body.height > 0 else { return }
        let forward = probes.hidden, backward = probes[.hiddenBackward]?.grid ?? .empty
        guard forward.rows > 0 else {
            return buffer.write(context.text(.nothingForCell), in: body.row(0), alignment: .left, style: LabTheme.dim)
        }
        guard backward.rows > 0 else {
            buffer.write(context.text(.directionsNone), in: body.row(0), alignment: .left, style: LabTheme.dim)
            drawDirection(context.text(.directionForward), forward, in: body.inset(top: 1), buffer: &buffer)
            return
        }
        // The forward half on top, the backward half under it (the odd row, if any, goes to the top).
        let top = Rect(x: body.x, y: body.y, width: body.width, height: (body.height + 1) / 2)
        drawDirection(context.text(.directionForward), forward, in: top, buffer: &buffer)
        drawDirection(context.text(.directionBackward), backward, in: Rect(x: body.x, y: top.maxY, width: body.width, height: body.height - top.height),
                      buffer: &buffer)
    }

    /// A direction's label on the first row, its heatmap (with legend) below.
    private func drawDirection(_ label: String, _ grid: Grid, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.write(label, in: area.row(0), alignment: .left, style: LabTheme.dim)
        buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: .diverging), in: area.inset(top: 1))
    }
}
