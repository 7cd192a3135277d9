import LabText
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
        let names = context.run.probes?.gateNames ?? []
        let title = names.isEmpty ? context.text(.gatesTitleUnnamed)
            : context.text(.gatesTitle, ["gates": .text(names.joined(separator: context.text(.gateSeparator)))])
        return context.titleAtProbeStep(title)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(title(context), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawGrid(title(context), probes.gates, .sequential, context, in: area, buffer: &buffer)
    }
}
