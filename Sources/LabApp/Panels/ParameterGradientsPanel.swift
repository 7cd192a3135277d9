import LabText
import RNNLab
import TerminalUI

/// ‖∂L/∂θ‖ of each parameter at the probed step, as bars on a log scale.
struct ParameterGradientsPanel: DashboardPanel {
    let id = PanelKind.parameterGradients
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.parameterGradientNorms]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.parameterGradientsTitle)) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let probes = context.run.probes else {
            return drawPlaceholder(title(context), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let bars = probes.parameterOrder.map { BarChart.Bar(label: $0, value: probes.parameterGradients[$0] ?? 0) }
        buffer.render(BarChart(bars: bars, scale: .log), in: area.inset(top: 1))
    }
}
