import RNNLab
import TerminalUI

/// The global gradient norm per training step on a log scale, with the
/// clip_norm threshold as a line and every clipped step marked with a dot.
struct GradientHistoryPanel: DashboardPanel {
    let id = PanelKind.gradientHistory
    let placement = PanelPlacement.row

    /// "clip_value 1 · clip_norm 0.5 · ‖∂L/∂θ‖ by step": the clipping in force first.
    func title(_ context: PanelContext) -> String {
        let (clipNorm, clipValue) = clipping(context.run)
        var title = "‖∂L/∂θ‖ by step"
        if clipNorm > 0 { title = "clip_norm \(PanelNumbers.setting(clipNorm)) · " + title }
        if clipValue > 0 { title = "clip_value \(PanelNumbers.setting(clipValue)) · " + title }
        return title
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let run = context.run
        guard !run.gradientNormHistory.isEmpty else {
            return drawPlaceholder(title(context), waitingForProbes, in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let clipNorm = clipping(run).norm
        let lastStep = max(1, Double(run.step))
        var series = [PlotSeries(name: "norm", steps: run.gradientNormHistory.steps, values: run.gradientNormHistory.values,
                                 color: LabTheme.gradientColor)]
        if clipNorm > 0 {
            series.append(PlotSeries(name: "threshold", steps: [0, lastStep], values: [clipNorm, clipNorm], color: LabTheme.referenceColor))
        }
        if !run.clippedSteps.isEmpty {
            var clipped = PlotSeries(name: "clipped", steps: run.clippedSteps.steps, values: run.clippedSteps.values, color: .red)
            clipped.connected = false
            series.append(clipped)
        }
        buffer.render(LinePlot(series: series, yScale: .log, xRange: 0...lastStep), in: area.inset(top: 1))
    }

    /// The clip_norm and clip_value settings of the run (0: off).
    private func clipping(_ run: RunState) -> (norm: Double, value: Double) {
        (run.settings["clip_norm"]?.number ?? 0, run.settings["clip_value"]?.number ?? 0)
    }
}
