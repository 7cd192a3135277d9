import Foundation
import LabText
import RNNLab
import TerminalUI

/// The live dashboard: a status line, then the panels the lesson lists, laid
/// out by ``DashboardLayout`` and drawn each in its own rectangle.
func drawDashboard(_ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let run = ls.run
    drawRunStatus(run, in: area.row(0), buffer: &buffer)
    let body = area.inset(top: 1, left: 1)
    if let failure = run.failure {
        let lines = wrap("The experiment could not be built: " + Language.english.render(failure), width: body.width - 2)
        for (i, line) in lines.prefix(max(0, body.height - 1)).enumerated() {
            buffer.write(line, x: body.x + 1, y: body.y + 1 + i, style: LabTheme.error)
        }
        return
    }
    guard run.isReady else {
        buffer.write("building the experiment…", in: body.centered(width: body.width, height: 1), alignment: .center, style: LabTheme.dim)
        return
    }
    let context = PanelContext(ls)
    for (panel, rect) in DashboardLayout.place(PanelRegistry.panels(of: ls.lesson), context, in: body) {
        guard !rect.isEmpty else { continue }
        buffer.withClip(rect) { panel.draw(context, in: rect, buffer: &$0) }
    }
    if let message = run.divergence { drawDivergenceBanner(Language.english.render(message), in: area, buffer: &buffer) }
}

/// "▶ running  step 1234  loss 0.512  accuracy 87.5%  42 steps/s".
func drawRunStatus(_ run: RunState, in row: Rect, buffer: inout Buffer) {
    var spans: [Span] = []
    if run.divergence != nil {
        spans.append(Span(" ✖ diverged ", style: LabTheme.error.adding(.reverse)))
    } else if run.isRunning {
        spans.append(Span(" ▶ running ", style: LabTheme.running.adding(.reverse)))
    } else {
        spans.append(Span(" ‖ paused ", style: LabTheme.paused.adding(.reverse)))
    }
    spans.append(Span("  step ", style: LabTheme.dim))
    spans.append(Span("\(run.step)", style: LabTheme.bold))
    if let last = run.trainLoss.last {
        spans.append(Span("  loss ", style: LabTheme.dim))
        spans.append(Span(PanelNumbers.value(last.value), style: LabTheme.bold))
    }
    if let headline = run.lastMetrics.first {
        spans.append(Span("  \(headline.id == .accuracy ? "acc" : headline.label) ", style: LabTheme.dim))
        spans.append(Span(PanelNumbers.metric(headline), style: LabTheme.bold))
    }
    if run.isRunning, let rate = run.rate.perSecond {
        spans.append(Span("  \(PanelNumbers.rate(rate))/s", style: LabTheme.dim))
    }
    buffer.write(spans, x: row.x, y: row.y, maxWidth: row.width)
}

/// The red box over the dashboard after a NaN or infinity, cut to the dashboard.
func drawDivergenceBanner(_ message: String, in area: Rect, buffer: inout Buffer) {
    buffer.withClip(area) { drawBanner(message, in: area, buffer: &$0) }
}

private func drawBanner(_ message: String, in area: Rect, buffer: inout Buffer) {
    let width = min(area.width, 60)
    let text = wrap("Training diverged: \(message). The run is paused; the step was not applied.", width: width - 4)
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 2, width: width, height: min(text.count, 3) + 4)
    buffer.clear(box)
    buffer.render(Panel(title: "Diverged", borderStyle: LabTheme.error, titleStyle: LabTheme.error, borders: .thick), in: box)
    var y = box.y + 1
    for line in text.prefix(3) {
        buffer.write(line, x: box.x + 2, y: y, style: LabTheme.bold, maxWidth: box.width - 4)
        y += 1
    }
    buffer.write([Span(" b ", style: LabTheme.hints), Span(" roll back   "), Span(" L ", style: LabTheme.hints),
                  Span(" roll back with lr ÷10")], x: box.x + 2, y: y + 1, maxWidth: box.width - 4)
}
