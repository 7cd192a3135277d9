import LabText
import RNNLab
import TerminalUI

/// The gate activations of the first validation sequence, one band of units
/// per gate, each named and on its own scale (`GateBands.swift`), time across.
struct GatesHeatmapPanel: DashboardPanel {
    let id = PanelKind.gatesHeatmap
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.gates]

    func title(_ context: PanelContext) -> String {
        let names = context.run.probes?.gateNames ?? []
        // Each band names its gate (`GateBands.swift`), so the title need not list them.
        let title = names.isEmpty ? context.text(.gatesTitleUnnamed) : context.language(.gate(.bandsTitle))
        return context.titleAtProbeStep(title)
    }

    func titles(_ context: PanelContext) -> [String] {
        let names = context.run.probes?.gateNames ?? []
        let title = names.isEmpty ? context.text(.gatesTitleUnnamed) : context.language(.gate(.bandsTitle))
        return [self.title(context), title, context.text(.gatesTitleShort)]
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawGateBands(heading(context, width: area.width, unicode: buffer.capabilities.unicode), probes.gates, context, marks: probes[.markedSteps]?.series ?? [], in: area, buffer: &buffer)
    }

    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard let probes = context.run.probes else { return nil }
        return gateBandsInspection(title(context), probes.gates, context, marks: probes[.markedSteps]?.series ?? [], in: area)
    }
}
