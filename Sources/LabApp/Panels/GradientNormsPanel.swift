import LabText
import RNNLab
import TerminalUI

/// ‖∂L/∂h_t‖ for t = 0…T−1 on a log scale: how much of the loss's gradient
/// reaches each step back in time. The spectral radius of W_hh, which governs
/// the curve, sits beside it in the legend, named (``radiusMatrix``).
struct GradientNormsPanel: DashboardPanel {
    let id = PanelKind.gradientNorms
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.gradientNorms, .spectralRadii]

    func title(_ context: PanelContext) -> String { context.text(.gradientNormsTitle) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let plot = plot(context) else {
            return drawPlaceholder(title(context), context.waitingForProbes, in: area, buffer: &buffer)
        }
        buffer.render(plot, in: area)
    }

    /// The readout names the panel once: its one series goes unnamed ("‖∂L/∂h_t‖ by t: t 7: 1.2e-3").
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard var plot = plot(context) else { return nil }
        plot.series[0].name = ""
        return Inspection.plot(title(context), plot, in: area, context, x: timePhrase)
    }

    /// The plot the panel draws, once there are probes.
    func plot(_ context: PanelContext) -> LinePlot? {
        guard let probes = context.run.probes else { return nil }
        let legend = probes.spectralRadii.first.map {
            context.language(.gate(.radiusOfMatrix), ["title": .text(title(context)), "matrix": .text(radiusMatrix(probes)),
                                                      "radius": .text(PanelNumbers.value($0))])
        } ?? title(context)
        let series = PlotSeries(name: legend, values: probes.gradientNorms, color: LabTheme.gradientColor)
        return LinePlot(series: [series], yScale: .log, language: context.language)
    }
}
