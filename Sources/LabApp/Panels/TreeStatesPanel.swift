import LabText
import RNNLab
import TerminalUI

/// A tree model's node states for one training expression: one row per node,
/// in prefix order and indented by depth, so the labels read as an outline of
/// the parse tree ("-", " -", "  3", "  4", " 5"); beside each, its H state
/// values on the diverging map (−1 blue … +1 red). Rows past the panel's
/// height are left out, and a last label says how many.
struct TreeStatesPanel: DashboardPanel {
    let id = PanelKind.treeStates
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.treeStates]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.treeStatesTitle)) }
    func titles(_ context: PanelContext) -> [String] {
        [title(context), context.text(.treeStatesTitle), context.text(.treeStatesTitleShort),
         context.text(.treeStatesTitleShortest)]
    }

    /// The title, one row per node and the legend.
    func rows(_ context: PanelContext) -> PanelRows {
        guard let grid = context.run.probes?[.treeStates]?.grid, grid.rows > 0 else { return PanelRows(preferred: 2) }
        return PanelRows(minimum: 3, preferred: grid.rows + 2)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let probes = context.run.probes else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode),
                                   context.waitingForProbes, in: area, buffer: &buffer)
        }
        let grid = probes[.treeStates]?.grid ?? .empty
        guard grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode),
                                   context.text(.treeStatesNone), in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        // One text row per node, plus the heatmap's legend row.
        let shown = min(grid.rows, max(body.height - 1, 0))
        guard shown > 0 else { return }
        let labels = grid.rowLabels.count == grid.rows ? grid.rowLabels : Array(repeating: "", count: grid.rows)
        let labelWidth = min((labels.prefix(shown).map(\.displayWidth).max() ?? 0) + 1, body.width / 3)
        for r in 0..<shown {
            let hidden = grid.rows - shown
            let text = r == shown - 1 && hidden > 0 ? context.text(.treeStatesMore, ["count": .integer(hidden + 1)]) : labels[r]
            buffer.write(text, x: body.x, y: body.y + r, style: LabTheme.dim, maxWidth: labelWidth)
        }
        let values = Array(grid.values.prefix(shown * grid.columns))
        buffer.render(Heatmap(rows: shown, columns: grid.columns, values: values, colorMap: .diverging),
                      in: Rect(x: body.x + labelWidth, y: body.y, width: body.width - labelWidth, height: shown + 1))
    }
}
