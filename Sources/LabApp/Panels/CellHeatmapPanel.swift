import LabText
import RNNLab
import TerminalUI

/// The LSTM's cell state c_t of the first validation sequence: units down,
/// time across, on the diverging map. Other cells have none to show.
struct CellHeatmapPanel: DashboardPanel {
    let id = PanelKind.cellHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.cell]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.cellTitle)) }
    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.cellTitle), context.text(.cellTitleShort)] }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(heading(context, width: area.width, unicode: buffer.capabilities.unicode), probes.cell, .diverging, context, in: area, buffer: &buffer)
    }

    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard let grid = context.run.probes?.cell else { return nil }
        return gridInspection(title(context), grid, .diverging, context, in: area)
    }
}
