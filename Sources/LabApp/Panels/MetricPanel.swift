import LabText
import RNNLab
import TerminalUI

/// The task metric the lesson's checks name (else the task's first) per
/// evaluation, with each check's threshold and the best baseline as lines, and
/// the pinned run's (`c`) beside it.
struct MetricPanel: DashboardPanel {
    let id = PanelKind.metric
    let placement = PanelPlacement.row

    func title(_ context: PanelContext) -> String {
        guard let metric = checkedMetric(context.run, checks: context.lesson.checks) else { return context.text(.metricTitleNone) }
        return context.text(.metricTitle, ["metric": .phrase(metric.kind.labelPhrase), "value": .text(PanelNumbers.metric(metric))])
    }

    func titles(_ context: PanelContext) -> [String] {
        guard let metric = checkedMetric(context.run, checks: context.lesson.checks) else { return [title(context)] }
        // Last, the metric's name alone: the y axis still gives its value.
        return [title(context), context.text(.metricTitleShort, ["metric": .phrase(metric.kind.labelPhrase),
                                                                 "value": .text(PanelNumbers.metric(metric))]),
                context.language.render(metric.kind.labelPhrase)]
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let plot = plot(context, width: area.width) else {
            return drawPlaceholder(context.text(.metricTitleNone), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        buffer.render(plot, in: area.inset(top: 1))
    }

    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        plot(context, width: area.width).flatMap { Inspection.plot(title(context), $0, in: area.inset(top: 1), context, x: stepPhrase) }
    }

    /// The plot under the heading, `width` columns wide, once the metric has been measured.
    func plot(_ context: PanelContext, width: Int) -> LinePlot? {
        let (run, checks) = (context.run, context.lesson.checks)
        guard let metric = checkedMetric(run, checks: checks), let history = run.metricHistory[metric.id.rawValue], !history.isEmpty else {
            return nil
        }
        var lastStep = max(1, Double(run.step))
        // Narrow, the legend drops the metric's own entry first (the heading names it), then thresholds, then the baseline.
        var live = PlotSeries(name: context.language.render(metric.kind.labelPhrase), steps: history.steps, values: history.values, color: LabTheme.validationColor)
        live.legendRank = 3
        var series = [live]
        if let pin = context.pinned, let pinned = pin.metricHistory[metric.id.rawValue], !pinned.isEmpty {
            series.append(PlotSeries(name: context.pinnedName(pin, width: width - legendIndent), steps: pinned.steps, values: pinned.values, color: LabTheme.pinnedColor))
            lastStep = max(lastStep, pinned.steps.last ?? 0)
        }
        series += referenceLines(for: metric.id.rawValue, context, lastStep: lastStep)
        let scale: AxisScale = metric.isFraction ? .linear : MetricPanel.scale(of: series)
        var plot = LinePlot(series: series, yScale: scale, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep,
                            language: context.language)
        if context.pinned != nil { plot.legendRowLimit = 2 }  // the pinned run's entry may take a second row
        return plot
    }

    /// A log axis when every value drawn is positive and they span a factor of
    /// ten or more (an MSE that falls by orders of magnitude, or a blow-up to
    /// 1e14 beside a value of 0.17), as the loss plot; else linear, which reads
    /// a narrow range (bits/char 3.2…3.5) better and can show zero and negatives.
    static func scale(of series: [PlotSeries]) -> AxisScale {
        let values = series.flatMap(\.values).filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max(), lo > 0, hi / lo >= 10 else { return .linear }
        return .log
    }
}
