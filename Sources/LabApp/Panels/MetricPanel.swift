import LabText
import RNNLab
import TerminalUI

/// The task metric the lesson's checks name (else the task's first) per
/// evaluation, with each check's threshold and the best baseline as lines.
struct MetricPanel: DashboardPanel {
    let id = PanelKind.metric
    let placement = PanelPlacement.row

    func title(_ context: PanelContext) -> String {
        guard let metric = checkedMetric(context.run, checks: context.lesson.checks) else { return context.text(.metricTitleNone) }
        return context.text(.metricTitle, ["metric": .phrase(metric.kind.labelPhrase), "value": .text(PanelNumbers.metric(metric))])
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let (run, checks) = (context.run, context.lesson.checks)
        guard let metric = checkedMetric(run, checks: checks), let history = run.metricHistory[metric.id.rawValue], !history.isEmpty else {
            return drawPlaceholder(context.text(.metricTitleNone), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let lastStep = max(1, Double(run.step))
        var series = [PlotSeries(name: context.language.render(metric.kind.labelPhrase), steps: history.steps, values: history.values, color: LabTheme.validationColor)]
        series += referenceLines(for: metric.id.rawValue, context, lastStep: lastStep)
        buffer.render(LinePlot(series: series, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep,
                               language: context.language), in: area.inset(top: 1))
    }
}
