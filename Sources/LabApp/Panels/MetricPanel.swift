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

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let plot = plot(context, width: area.width) else {
            return drawPlaceholder(context.text(.metricTitleNone), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
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
        var series = [PlotSeries(name: context.language.render(metric.kind.labelPhrase), steps: history.steps, values: history.values, color: LabTheme.validationColor)]
        if let pin = context.pinned, let pinned = pin.metricHistory[metric.id.rawValue], !pinned.isEmpty {
            series.append(PlotSeries(name: context.pinnedName(pin, width: width - legendIndent), steps: pinned.steps, values: pinned.values, color: LabTheme.pinnedColor))
            lastStep = max(lastStep, pinned.steps.last ?? 0)
        }
        series += referenceLines(for: metric.id.rawValue, context, lastStep: lastStep)
        var plot = LinePlot(series: series, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep, language: context.language)
        if context.pinned != nil { plot.legendRowLimit = 2 }  // the pinned run's entry may take a second row
        return plot
    }
}
