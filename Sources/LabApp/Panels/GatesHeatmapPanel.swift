import RNNLab
import TerminalUI

/// The gate activations of the first validation sequence, one block of units
/// per gate (named in the title, e.g. `i | f | g | o`), time across, 0…1 on
/// the sequential map.
struct GatesHeatmapPanel: DashboardPanel {
    let id = PanelKind.gatesHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.gates]

    func title(_ context: PanelContext) -> String {
        let probes = context.run.probes
        let names = probes.map { $0.gateNames.joined(separator: " | ") } ?? ""
        return "gates" + (names.isEmpty ? "" : " " + names) + ": units × t" + probeStep(probes)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(title(context), waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(title(context), probes.gates, .sequential, in: area, buffer: &buffer)
    }
}
