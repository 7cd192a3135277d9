import Foundation
import RNNLab
import TerminalUI

/// The live dashboard: a status line, the loss curve, then the lesson's
/// other panels (gradient norms across time, heatmaps, predictions…).
func drawDashboard(_ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let run = ls.run
    drawRunStatus(run, in: area.row(0), buffer: &buffer)
    let body = area.inset(top: 1, left: 1)
    if let failure = run.failure {
        let lines = wrap("The experiment could not be built: " + failure, width: body.width - 2)
        for (i, line) in lines.prefix(body.height).enumerated() {
            buffer.write(line, x: body.x + 1, y: body.y + 1 + i, style: LabTheme.error)
        }
        return
    }
    guard run.isReady else {
        buffer.write("building the experiment…", in: body.centered(width: body.width, height: 1), alignment: .center, style: LabTheme.dim)
        return
    }
    let panels = ls.lesson.panels.isEmpty ? [PanelKind.loss, .gradientNorms] : ls.lesson.panels
    let showPredictions = panels.contains(.predictions)
    let wanted = 1 + max(1, run.samples.reduce(0) { $0 + sampleRows($1) })
    let predictionRows = showPredictions ? min(wanted, max(5, body.height / 3)) : 0
    let others = panels.filter { $0 != .loss && $0 != .predictions }
    var constraints: [Constraint] = [.min(6)]
    if others.contains(.attention) {
        // The attention grid wants a row per output step; the loss plot keeps its six.
        let share = body.height * (body.height >= 30 ? 50 : 42) / 100
        constraints.append(.fixed(max(share, min(attentionPanelRows(run), body.height - 6 - predictionRows))))
    } else if !others.isEmpty {
        constraints.append(.percentage(body.height >= 30 ? 50 : 42))
    }
    if showPredictions { constraints.append(.fixed(predictionRows)) }
    let rows = body.split(.down, constraints)
    drawLossPlot(run, in: rows[0], buffer: &buffer)
    if !others.isEmpty {
        // The side-by-side table needs room for its columns: half the width.
        let cells = rows[1].split(.across, others.map { $0 == .compare && others.count > 1 ? .percentage(50) : .min(1) }, spacing: 2)
        for (kind, rect) in zip(others, cells) { drawPanel(kind, ls, in: rect, buffer: &buffer) }
    }
    if showPredictions, let rect = rows.last { drawPredictions(run, in: rect, buffer: &buffer) }
    if let message = run.divergence { drawDivergenceBanner(message, in: area, buffer: &buffer) }
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
        spans.append(Span(NumberFormat.compact(last.value, significantDigits: 3), style: LabTheme.bold))
    }
    if let headline = run.lastMetrics.first {
        spans.append(Span("  \(headline.id == .accuracy ? "acc" : headline.label) ", style: LabTheme.dim))
        spans.append(Span(metricText(headline), style: LabTheme.bold))
    }
    if run.isRunning, let rate = run.rate.perSecond {
        spans.append(Span("  \(NumberFormat.compact(rate, significantDigits: 2))/s", style: LabTheme.dim))
    }
    buffer.write(spans, x: row.x, y: row.y, maxWidth: row.width)
}

/// A metric as the learner reads it: fractions in percent.
func metricText(_ m: Metric) -> String {
    return m.isFraction ? NumberFormat.fixed(m.value * 100, decimals: 1) + "%" : NumberFormat.compact(m.value, significantDigits: 4)
}

/// Training and validation loss by step on a log scale, with the best
/// baseline as a reference line and knob changes as markers.
func drawLossPlot(_ run: RunState, in area: Rect, buffer: inout Buffer) {
    var series = [
        PlotSeries(name: "train loss", steps: run.trainLoss.steps, values: run.trainLoss.values, color: LabTheme.trainColor),
        PlotSeries(name: "validation", steps: run.validationLoss.steps, values: run.validationLoss.values,
                   color: LabTheme.validationColor),
    ]
    let lastStep = max(1, Double(run.step), run.trainLoss.steps.last ?? 0)
    if let reference = run.lossBaseline, reference.value.isFinite, reference.value > 0 {
        series.append(PlotSeries(name: reference.name, steps: [0, lastStep], values: [reference.value, reference.value],
                                 color: LabTheme.referenceColor))
    }
    let events = run.events.map {
        PlotEvent(step: Double($0.step), label: $0.label, style: $0.label.hasSuffix("rebuilt") ? LabTheme.rebuildStyle : LabTheme.eventStyle)
    }
    let positive = run.trainLoss.values.contains { $0.isFinite && $0 > 0 }
    buffer.render(LinePlot(series: series, events: events, yScale: positive ? .log : .linear,
                           xRange: 0...lastStep), in: area)
}

/// One of the lesson's panels other than the loss and the predictions.
func drawPanel(_ kind: PanelKind, _ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let run = ls.run
    switch kind {
    case .attention: return drawAttention(run, in: area, buffer: &buffer)
    case .gradientHistory: return drawGradientHistory(run, in: area, buffer: &buffer)
    case .metric: return drawMetricPlot(run, checks: ls.lesson.checks, in: area, buffer: &buffer)
    case .rtrl: return drawRTRLComparison(run, in: area, buffer: &buffer)
    case .compare: return drawComparison(ls, in: area, buffer: &buffer)
    default: break
    }
    guard let probes = run.probes else {
        buffer.write(panelTitle(kind, nil), in: area.row(0), alignment: .left, style: LabTheme.bold)
        buffer.write("waiting for the first step…", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    switch kind {
    case .gradientNorms:
        // The spectral radius of W_hh beside the curve it governs, in the legend.
        let radius = probes.spectralRadii.first.map { "  ρ(W_hh) " + NumberFormat.compact($0, significantDigits: 3) } ?? ""
        let series = PlotSeries(name: "‖∂L/∂h_t‖ by t" + radius, values: probes.gradientNorms, color: LabTheme.gradientColor)
        buffer.render(LinePlot(series: [series], yScale: .log), in: area)
    case .hiddenHeatmap: drawGrid(panelTitle(kind, probes), probes.hidden, .diverging, in: area, buffer: &buffer)
    case .cellHeatmap: drawGrid(panelTitle(kind, probes), probes.cell, .diverging, in: area, buffer: &buffer)
    case .gatesHeatmap: drawGrid(panelTitle(kind, probes), probes.gates, .sequential, in: area, buffer: &buffer)
    case .parameterGradients:
        buffer.write(panelTitle(kind, probes), in: area.row(0), alignment: .left, style: LabTheme.bold)
        let bars = probes.parameterOrder.map { BarChart.Bar(label: $0, value: probes.parameterGradients[$0] ?? 0) }
        buffer.render(BarChart(bars: bars, scale: .log), in: area.inset(top: 1))
    case .loss, .predictions, .attention, .gradientHistory, .metric, .rtrl, .compare:
        break
    }
}

/// The heading of a panel, naming the step its probes come from.
func panelTitle(_ kind: PanelKind, _ probes: ProbeView?) -> String {
    let at = probes.map { " (step \($0.step))" } ?? ""
    switch kind {
    case .gradientNorms: return "‖∂L/∂h_t‖ by t"
    case .hiddenHeatmap: return "hidden h_t: units × t" + at
    case .cellHeatmap: return "cell c_t: units × t" + at
    case .gatesHeatmap:
        let names = probes.map { $0.gateNames.joined(separator: " | ") } ?? ""
        return "gates" + (names.isEmpty ? "" : " " + names) + ": units × t" + at
    case .parameterGradients: return "‖∂L/∂θ‖ per parameter" + at
    case .loss: return "loss"
    case .predictions: return "predictions"
    case .attention: return "attention: output step × source step" + at
    case .gradientHistory: return "‖∂L/∂θ‖ by training step"
    case .metric: return "validation metric"
    case .rtrl: return "BPTT and RTRL"
    case .compare: return "side by side"
    }
}

/// A titled heatmap of a grid.
func drawGrid(_ title: String, _ grid: Grid, _ map: ColorMap, in area: Rect, buffer: inout Buffer) {
    buffer.write(title, in: area.row(0), alignment: .left, style: LabTheme.bold)
    guard grid.rows > 0 else {
        buffer.write("nothing to show for this cell", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: map), in: area.inset(top: 1))
}

/// Validation samples, predicted against target. A sample of one value is
/// one row; a sequence is two rows (`pred` over `target`), each predicted
/// symbol green when right and red when wrong.
func drawPredictions(_ run: RunState, in area: Rect, buffer: inout Buffer) {
    buffer.write("predictions on validation sequences", in: area.row(0), alignment: .left, style: LabTheme.bold)
    guard !run.samples.isEmpty else {
        buffer.write("shown at the first evaluation", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    var y = area.y + 1
    for sample in run.samples where y < area.maxY {
        guard let (predicted, target) = splitSample(sample) else {
            buffer.write(sample, in: Rect(x: area.x, y: y, width: area.width, height: 1), alignment: .left)
            y += 1
            continue
        }
        if predicted.count <= 1 && target.count <= 1 {
            let right = predicted == target
            buffer.write([Span("pred ", style: LabTheme.dim), Span(predicted.joined(), style: right ? LabTheme.goodDim : LabTheme.error),
                          Span("  target ", style: LabTheme.dim), Span(target.joined())],
                         x: area.x, y: y, maxWidth: area.width)
            y += 1
            continue
        }
        guard y + 1 < area.maxY else { break }
        var spans = [Span("pred   ", style: LabTheme.dim)]
        for (i, token) in predicted.enumerated() {
            let right = i < target.count && target[i] == token
            spans.append(Span(token + " ", style: right ? LabTheme.goodDim : LabTheme.error))
        }
        buffer.write(spans, x: area.x, y: y, maxWidth: area.width)
        buffer.write([Span("target ", style: LabTheme.dim), Span(target.joined(separator: " "))], x: area.x, y: y + 1, maxWidth: area.width)
        y += 2
    }
}

/// Rows a sample takes in ``drawPredictions(_:in:buffer:)``.
func sampleRows(_ sample: String) -> Int {
    guard let (p, t) = splitSample(sample) else { return 1 }
    return p.count <= 1 && t.count <= 1 ? 1 : 2
}

/// The predicted and target tokens of a "predicted … target …" line.
func splitSample(_ line: String) -> (predicted: [String], target: [String])? {
    guard line.hasPrefix("predicted "), let r = line.range(of: " target ") else { return nil }
    let predicted = line[line.index(line.startIndex, offsetBy: 10)..<r.lowerBound]
    let target = line[r.upperBound...]
    return (predicted.split(separator: " ").map(String.init), target.split(separator: " ").map(String.init))
}

/// The red box over the dashboard after a NaN or infinity.
func drawDivergenceBanner(_ message: String, in area: Rect, buffer: inout Buffer) {
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
    buffer.write([Span(" b ", style: LabTheme.hints), Span(" roll back   "), Span(" l ", style: LabTheme.hints),
                  Span(" roll back with lr ÷10")], x: box.x + 2, y: y + 1, maxWidth: box.width - 4)
}
