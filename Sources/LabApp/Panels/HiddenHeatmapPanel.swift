import RNNLab
import TerminalUI

/// The hidden state h_t of the first validation sequence: units down, time
/// across, on the diverging map (−1 blue … +1 red).
struct HiddenHeatmapPanel: DashboardPanel {
    let id = PanelKind.hiddenHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.hidden]

    func title(_ context: PanelContext) -> String { "hidden h_t: units × t" + probeStep(context.run.probes) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(title(context), waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(title(context), probes.hidden, .diverging, in: area, buffer: &buffer)
    }
}
