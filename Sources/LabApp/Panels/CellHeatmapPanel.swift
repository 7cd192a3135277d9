import RNNLab
import TerminalUI

/// The LSTM's cell state c_t of the first validation sequence: units down,
/// time across, on the diverging map. Other cells have none to show.
struct CellHeatmapPanel: DashboardPanel {
    let id = PanelKind.cellHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.cell]

    func title(_ context: PanelContext) -> String { "cell c_t: units × t" + probeStep(context.run.probes) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(title(context), waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(title(context), probes.cell, .diverging, in: area, buffer: &buffer)
    }
}
