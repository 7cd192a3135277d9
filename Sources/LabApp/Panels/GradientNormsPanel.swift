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

    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.gradientNormsTitleShort)] }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let (plot, plotArea) = layout(context, in: area, unicode: buffer.capabilities.unicode).map({ ($0.0, $0.1) }) else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        if !plot.showLegend { drawHeading(context.text(.gradientNormsTitleShort), in: area, buffer: &buffer) }
        buffer.render(plot, in: plotArea)
    }

    /// The readout names the panel once: its one series goes unnamed ("‖∂L/∂h_t‖ by t: t 7: 1.2e-3").
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard var (plot, plotArea) = layout(context, in: area) else { return nil }
        plot.series[0].name = ""
        return Inspection.plot(title(context), plot, in: plotArea, context, x: timePhrase)
    }

    /// The plot and where it goes in `area`, once there are probes. Its one
    /// legend entry is the heading: "ρ(W_hh) 0.53  ‖∂L/∂h_t‖ by t", narrower
    /// "ρ(W_hh) 0.53  ‖∂L/∂h_t‖", "‖∂L/∂h_t‖ ρ 0.53", then "‖∂L/∂h_t‖" alone;
    /// where even that entry (with its line glyph) does not fit beside the y
    /// labels, the plot has no legend and "‖∂L/∂h_t‖" is a heading above it.
    /// Without `unicode` the names are measured as written, spelled out (`rho`).
    func layout(_ context: PanelContext, in area: Rect, unicode: Bool = true) -> (LinePlot, Rect)? {
        guard var plot = plot(context, legendWidth: .max) else { return nil }
        // The legend starts where the dots do, right of the y labels.
        let legendWidth = area.maxX - (plot.plotArea(in: area)?.x ?? area.x)
        plot = self.plot(context, legendWidth: legendWidth, unicode: unicode)!
        let name = plot.series[0].name
        guard 3 + (unicode ? name : ASCIIFallback.text(for: name)).displayWidth > legendWidth, area.height > 1 else { return (plot, area) }
        plot.showLegend = false
        return (plot, area.inset(top: 1))
    }

    /// The plot with the longest legend entry that fits `legendWidth` columns (a line glyph, a space, the name).
    func plot(_ context: PanelContext, legendWidth: Int, unicode: Bool = true) -> LinePlot? {
        guard let probes = context.run.probes else { return nil }
        let (long, short) = (title(context), context.text(.gradientNormsTitleShort))
        var names = [long, short]
        if let radius = probes.spectralRadii.first {
            let value = TextArgument.text(PanelNumbers.value(radius)), matrix = TextArgument.text(radiusMatrix(probes))
            names = [context.language(.gate(.radiusOfMatrix), ["title": .text(long), "matrix": matrix, "radius": value]),
                     context.language(.gate(.radiusOfMatrix), ["title": .text(short), "matrix": matrix, "radius": value]),
                     context.text(.gradientNormsRadiusShort, ["title": .text(short), "radius": value]), short]
        }
        let legend = fittingTitle(names, width: legendWidth == .max ? .max : legendWidth - 3, unicode: unicode)
        let series = PlotSeries(name: legend, values: probes.gradientNorms, color: LabTheme.gradientColor)
        return LinePlot(series: [series], yScale: .log, language: context.language)
    }
}
