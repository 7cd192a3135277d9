import LabText
import RNNLab
import TerminalUI

/// The hidden state h_t of the first validation sequence: units down, time
/// across, on the diverging map (−1 blue … +1 red).
struct HiddenHeatmapPanel: DashboardPanel {
    let id = PanelKind.hiddenHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.hidden]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.hiddenTitle)) }
    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.hiddenTitle), context.text(.hiddenTitleShort)] }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(heading(context, width: area.width, unicode: buffer.capabilities.unicode), probes.hidden, .diverging, context, in: area, buffer: &buffer)
    }

    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard let grid = context.run.probes?.hidden else { return nil }
        return gridInspection(title(context), grid, .diverging, context, in: area)
    }
}
