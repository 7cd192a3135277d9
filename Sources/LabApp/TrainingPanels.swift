import RNNLab
import TerminalUI

/// The global gradient norm per training step on a log scale, with the
/// clip_norm threshold as a line and every clipped step marked with a dot.
func drawGradientHistory(_ run: RunState, in area: Rect, buffer: inout Buffer) {
    let clipNorm = run.settings["clip_norm"]?.number ?? 0
    let clipValue = run.settings["clip_value"]?.number ?? 0
    var title = "‖∂L/∂θ‖ by step"
    if clipNorm > 0 { title = "clip_norm \(SettingValue.format(clipNorm)) · " + title }
    if clipValue > 0 { title = "clip_value \(SettingValue.format(clipValue)) · " + title }
    buffer.write(title, in: area.row(0), alignment: .left, style: LabTheme.bold)
    guard !run.gradientNormHistory.isEmpty else {
        buffer.write("waiting for the first step…", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
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

/// The metric a lesson's checks are about, per evaluation, with each check's
/// threshold and the best baseline as reference lines.
func drawMetricPlot(_ run: RunState, checks: [LessonCheck], in area: Rect, buffer: inout Buffer) {
    guard let metric = checkedMetric(run, checks: checks), let history = run.metricHistory[metric.id.rawValue], !history.isEmpty else {
        buffer.write("validation metric", in: area.row(0), alignment: .left, style: LabTheme.bold)
        buffer.write("shown at the first evaluation", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    buffer.write("\(metric.label) on validation: \(metricText(metric))", in: area.row(0), alignment: .left, style: LabTheme.bold)
    let lastStep = max(1, Double(run.step))
    var series = [PlotSeries(name: metric.label, steps: history.steps, values: history.values, color: LabTheme.validationColor)]
    series += referenceLines(for: metric.id.rawValue, run: run, checks: checks, lastStep: lastStep)
    buffer.render(LinePlot(series: series, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep), in: area.inset(top: 1))
}

/// The task metric the checks name (else the task's first), as last evaluated.
func checkedMetric(_ run: RunState, checks: [LessonCheck]) -> Metric? {
    let named = Set(checks.flatMap { $0.expect.clauses.map(\.metric) + ($0.until?.clauses.map(\.metric) ?? []) })
    return run.lastMetrics.first { named.contains($0.id.rawValue) } ?? run.lastMetrics.first
}

/// The clauses of the checks that compare `metric` (an id) with a number, each number once.
func thresholdClauses(for metric: String, checks: [LessonCheck]) -> [(op: CheckCondition.Op, value: Double)] {
    var seen = Set<Double>(), out: [(op: CheckCondition.Op, value: Double)] = []
    for check in checks {
        for clause in check.expect.clauses + (check.until?.clauses ?? []) where clause.metric == metric {
            if case .number(let v) = clause.rhs, seen.insert(v).inserted { out.append((clause.op, v)) }
        }
    }
    return out
}

/// Horizontal lines for the checks' thresholds on `metric` and for its best baseline.
func referenceLines(for metric: String, run: RunState, checks: [LessonCheck], lastStep: Double) -> [PlotSeries] {
    var lines = thresholdClauses(for: metric, checks: checks).map {
        PlotSeries(name: "\($0.op) \(SettingValue.format($0.value))", steps: [0, lastStep], values: [$0.value, $0.value], color: .green)
    }
    if let b = run.baseline(metric), b.isFinite {
        lines.append(PlotSeries(name: "baseline", steps: [0, lastStep], values: [b, b], color: LabTheme.referenceColor))
    }
    return lines
}

/// BPTT's and RTRL's gradients per parameter with their relative difference,
/// then the time per step of each at three hidden sizes and the fitted growth.
func drawRTRLComparison(_ run: RunState, in area: Rect, buffer: inout Buffer) {
    buffer.write("BPTT and RTRL on the live weights", in: area.row(0), alignment: .left, style: LabTheme.bold)
    guard let c = run.gradientComparison else {
        buffer.write("compared at each evaluation (simple RNN, one layer)", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    func fmt(_ v: Double) -> String { NumberFormat.compact(v, significantDigits: 3) }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    var lines: [(String, Style)] = [(pad("parameter", 14) + pad("‖g‖ BPTT", 11) + pad("‖g‖ RTRL", 11) + "rel. diff", LabTheme.dim)]
    for row in c.rows {
        lines.append((pad(row.name, 14) + pad(fmt(row.bptt), 11) + pad(fmt(row.rtrl), 11) + fmt(row.difference), .plain))
    }
    lines.append(("all: relative difference " + fmt(c.difference), c.difference < 1e-4 ? LabTheme.goodDim : LabTheme.error))
    let m = Dictionary(run.measurements.map { ($0.id.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
    if m["rtrl_growth"] != nil {
        lines.append(("", .plain))
        lines.append((pad("ms per step", 14) + Measurement.timedSizes.map { pad("H=\($0)", 9) }.joined(), LabTheme.dim))
        for name in ["rtrl", "bptt"] {
            let cells = Measurement.timedSizes.map { pad(m["\(name)_ms_\($0)"].map(fmt) ?? "–", 9) }.joined()
            lines.append((pad(name.uppercased(), 14) + cells + "~H^" + (m["\(name)_growth"].map { NumberFormat.fixed($0, decimals: 1) } ?? "?"), .plain))
        }
    }
    for (i, line) in lines.prefix(area.height - 1).enumerated() {
        buffer.write(line.0, in: area.row(1 + i), alignment: .left, style: line.1)
    }
}
