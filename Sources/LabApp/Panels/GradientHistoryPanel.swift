import LabText
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
        let parts = [clipValue.map { context.text(.clipValue, ["value": .text(PanelNumbers.setting($0))]) },
                     clipNorm.map { context.text(.clipNorm, ["value": .text(PanelNumbers.setting($0))]) }].compactMap { $0 }
        guard !parts.isEmpty else { return context.text(.gradientHistoryTitle) }
        let clipping = parts.joined(separator: context.language(.common(.partSeparator)))
        return context.text(.gradientHistoryClippedTitle, ["clipping": .text(clipping)])
    }

    /// Narrow: the clipping alone, else the norm's symbol alone.
    func titles(_ context: PanelContext) -> [String] {
        let (clipNorm, clipValue) = clipping(context.run)
        let parts = [clipValue.map { context.text(.clipValue, ["value": .text(PanelNumbers.setting($0))]) },
                     clipNorm.map { context.text(.clipNorm, ["value": .text(PanelNumbers.setting($0))]) }].compactMap { $0 }
        let short = context.text(.gradientHistoryTitleShort)
        guard !parts.isEmpty else { return [title(context), short] }
        return [title(context), parts.joined(separator: context.language(.common(.partSeparator))), short]
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let run = context.run
        guard !run.gradientNormHistory.isEmpty else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.waitingForProbes, in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let lastStep = max(1, Double(run.step))
        var series = [PlotSeries(name: context.text(.normSeries), steps: run.gradientNormHistory.steps,
                                 values: run.gradientNormHistory.values, color: LabTheme.gradientColor)]
        if let clipNorm = clipping(run).norm {
            series.append(PlotSeries(name: context.text(.thresholdSeries), steps: [0, lastStep], values: [clipNorm, clipNorm],
                                     color: LabTheme.referenceColor))
        }
        if !run.clippedSteps.isEmpty {
            var clipped = PlotSeries(name: context.text(.clippedSeries), steps: run.clippedSteps.steps,
                                     values: run.clippedSteps.values, color: .red)
            clipped.connected = false
            series.append(clipped)
        }
        buffer.render(LinePlot(series: series, yScale: .log, xRange: 0...lastStep, language: context.language), in: area.inset(top: 1))
    }

    /// The run's clip_norm and clip_value as the trainer reported them; nil
    /// when a setting is off (0) or the run does not report it: the panel
    /// shows no clipping it was not told of, and keeps no default of its own.
    private func clipping(_ run: RunState) -> (norm: Double?, value: Double?) {
        func positive(_ name: String) -> Double? { run.settings[name]?.number.flatMap { $0 > 0 ? $0 : nil } }
        return (positive("clip_norm"), positive("clip_value"))
    }
}
