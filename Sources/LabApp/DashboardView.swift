import Foundation
import LabText
import RNNLab
import TerminalUI

/// The live dashboard: a status line, then the panels the lesson lists, laid
/// out by ``DashboardLayout`` and drawn each in its own rectangle, every text
/// in `language`.
func drawDashboard(_ ls: LessonState, language t: Language, in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let run = ls.run
    drawRunStatus(run, pace: ls.pace, language: t, in: area.row(0), buffer: &buffer)
    let body = area.inset(top: 1, left: 1)
    if let failure = run.failure {
        let lines = wrap(t(.dashboard(.buildFailed), ["reason": .phrase(failure)]), width: body.width - 2)
        for (i, line) in lines.prefix(max(0, body.height - 1)).enumerated() {
            buffer.write(line, x: body.x + 1, y: body.y + 1 + i, style: LabTheme.error, maxWidth: body.width - 1)
        }
        return
    }
    guard run.isReady else {
        buffer.write(t(.dashboard(.building)), in: body.centered(width: body.width, height: 1), alignment: .center, style: LabTheme.dim)
        return
    }
    let context = PanelContext(ls, language: t)
    let placed = DashboardLayout.place(PanelRegistry.panels(of: ls.lesson), context, in: body)
    for (panel, rect) in placed {
        guard !rect.isEmpty else { continue }
        buffer.withClip(rect) { panel.draw(context, in: rect, buffer: &$0) }
    }
    if let cursor = ls.inspect, let (panel, rect) = placed.first(where: { $0.0.id == cursor.panel }),
       let inspection = panel.inspection(context, in: rect) {
        let (row, column) = inspection.clamp(cursor.row, cursor.column)
        for cell in inspection.cells(row, column) where rect.contains(x: cell.x, y: cell.y) {
            let old = buffer[cell.x, cell.y]
            buffer.setNarrow(x: cell.x, y: cell.y, symbol: old.symbol, style: old.style.adding(.reverse))
        }
    }
    if let cause = run.divergence { drawDivergenceBanner(cause, language: t, in: area, buffer: &buffer) }
}

/// "▶ running  step 1234  loss 0.512  acc 87.5%  42/s", and "≤ 5/s" under a speed limit.
/// Too wide for `row`, it gives the state as its symbol alone ("▶"), then one
/// space between readings, before anything is cut: every number stays.
func drawRunStatus(_ run: RunState, pace: Pace = .full, language t: Language, in row: Rect, buffer: inout Buffer) {
    var spans = runStatusSpans(run, pace: pace, language: t, shortState: false, gap: "  ")
    for (short, gap) in [(true, "  "), (true, " ")] where spans.reduce(0, { $0 + $1.text.displayWidth }) > row.width {
        spans = runStatusSpans(run, pace: pace, language: t, shortState: short, gap: gap)
    }
    buffer.write(spans, x: row.x, y: row.y, maxWidth: row.width)
}

/// The status line's spans: the state (its words, or its symbol when
/// `shortState`), then each reading after `gap`.
func runStatusSpans(_ run: RunState, pace: Pace, language t: Language, shortState: Bool, gap: String) -> [Span] {
    var spans: [Span] = []
    if run.divergence != nil {
        spans.append(Span(" \(t(.dashboard(shortState ? .divergedShort : .diverged))) ", style: LabTheme.error.adding(.reverse)))
    } else if run.isRunning {
        spans.append(Span(" \(t(.dashboard(shortState ? .runningShort : .running))) ", style: LabTheme.running.adding(.reverse)))
    } else {
        spans.append(Span(" \(t(.dashboard(shortState ? .pausedShort : .paused))) ", style: LabTheme.paused.adding(.reverse)))
    }
    // Label and value in two styles: a row of readings, not a sentence.
    spans.append(Span("\(gap)\(t(.dashboard(.step))) ", style: LabTheme.dim))
    spans.append(Span("\(run.step)", style: LabTheme.bold))
    if let last = run.trainLoss.last {
        spans.append(Span("\(gap)\(t(.dashboard(.loss))) ", style: LabTheme.dim))
        spans.append(Span(PanelNumbers.value(last.value), style: LabTheme.bold))
    }
    if let headline = run.lastMetrics.first {
        // The metric's label in the frame's language, except the short "acc".
        spans.append(Span("\(gap)\(headline.id == .accuracy ? t(.dashboard(.accuracy)) : t.render(headline.kind.labelPhrase)) ", style: LabTheme.dim))
        spans.append(Span(PanelNumbers.metric(headline), style: LabTheme.bold))
    }
    if run.isRunning, let rate = run.rate.perSecond {
        spans.append(Span(gap + t(.dashboard(.rate), ["rate": .text(PanelNumbers.rate(rate))]), style: LabTheme.dim))
    }
    if let limit = pace.stepsPerSecond {
        spans.append(Span(gap + t(.pace(.limit), ["rate": .text(PanelNumbers.rate(limit))]), style: LabTheme.paused))
    }
    return spans
}

/// The red box over the dashboard after a NaN or infinity, cut to the
/// dashboard. `cause` is RNNLab's description of what diverged, shown as it is.
func drawDivergenceBanner(_ cause: Phrase, language t: Language, in area: Rect, buffer: inout Buffer) {
    buffer.withClip(area) { drawBanner(cause, language: t, in: area, buffer: &$0) }
}

private func drawBanner(_ cause: Phrase, language t: Language, in area: Rect, buffer: inout Buffer) {
    let width = min(area.width, 60)
    let text = wrap(t(.dashboard(.bannerText), ["cause": .phrase(cause)]), width: width - 4)
    let (rollBack, lowerRate) = (binding(.rollBack).hint.text(t), binding(.lowerRate).hint.text(t))
    let hints = [[Span(" \(rollBack) ", style: LabTheme.hints), Span(" \(t(.dashboard(.bannerRollBack)))   ")],
                 [Span(" \(lowerRate) ", style: LabTheme.hints), Span(" \(t(.dashboard(.bannerLowerRate)))")]]
    // Both key hints on one row when they fit (in display columns), else one row each.
    let oneRow = hints.joined().reduce(0) { $0 + $1.text.displayWidth } <= width - 4
    let hintRows = oneRow ? [Array(hints.joined())] : hints
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 2, width: width,
                   height: min(text.count, 3) + 3 + hintRows.count)
    buffer.clear(box)
    buffer.render(Panel(title: t(.dashboard(.bannerTitle)), borderStyle: LabTheme.error, titleStyle: LabTheme.error, borders: .thick),
                  in: box)
    var y = box.y + 1
    for line in text.prefix(3) {
        buffer.write(line, x: box.x + 2, y: y, style: LabTheme.bold, maxWidth: box.width - 4)
        y += 1
    }
    for (i, row) in hintRows.enumerated() {
        buffer.write(row, x: box.x + 2, y: y + 1 + i, maxWidth: box.width - 4)
    }
}
