import RNNLab
import TerminalUI

/// The lesson's run beside its `compare` run, trained at the same time on the
/// same task and seed: one line each (the settings that differ, parameters,
/// step, the checked metric, the step it first met the check's threshold),
/// then that metric of both on one plot, thresholds and baseline as lines.
func drawComparison(_ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    guard let other = ls.companion, let compare = ls.lesson.compare else {
        buffer.write("side by side", in: area.row(0), alignment: .left, style: LabTheme.bold)
        buffer.write("this lesson names no run to compare with", in: area.row(1), alignment: .left, style: LabTheme.dim)
        return
    }
    // The compared settings, then any other that differs (a learning rate lowered after one run diverged).
    let differing = Set(ls.run.settings.keys).union(other.settings.keys).filter { ls.run.settings[$0] != other.settings[$0] }
    let keys = compare.keys.sorted() + differing.subtracting(compare.keys).sorted()
    func label(_ run: RunState) -> String { keys.map { run.settings[$0]?.description ?? "?" }.joined(separator: " ") }
    let arms = [(label(ls.run), ls.run, LabTheme.validationColor), (label(other), other, Color.yellow)]
    buffer.write(arms.map(\.0).joined(separator: " vs ") + ", side by side", in: area.row(0), alignment: .left, style: LabTheme.bold)
    let metric = checkedMetric(ls.run, checks: ls.lesson.checks) ?? checkedMetric(other, checks: ls.lesson.checks)
    let target = metric.flatMap { thresholdClauses(for: $0.id.rawValue, checks: ls.lesson.checks).first }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    let width = max(6, arms.map(\.0.count).max()! + 1, keys.joined(separator: " ").count + 1)
    var header = pad(keys.joined(separator: " "), width) + pad("params", 7) + pad("step", 6)
    let metricWidth = max(7, (metric?.label.count ?? 0) + 1)
    if let metric { header += pad(metric.label, metricWidth) }
    if let target { header += "\(target.op)\(SettingValue.format(target.value)) at" }
    buffer.write(header, in: area.row(1), alignment: .left, style: LabTheme.dim)
    for (i, arm) in arms.enumerated() where area.height > 2 + i {
        let (name, run, color) = arm
        var line = pad(name, width) + pad(run.isReady ? "\(run.parameterCount)" : "…", 7) + pad("\(run.step)", 6)
        if let metric {
            line += pad(run.lastMetrics.first { $0.id == metric.id }.map(metricText) ?? "–", metricWidth)
            if let target { line += firstStep(run.metricHistory[metric.id.rawValue], meeting: target).map { "\($0)" } ?? "–" }
        }
        if let failure = run.failure { line = pad(name, width) + "could not be built: " + failure }
        if run.divergence != nil { line += " diverged: b/l" }
        buffer.write(line, in: area.row(2 + i), alignment: .left, style: Style(foreground: color))
    }
    guard let metric, area.height > 6 else { return }
    let lastStep = max(1, Double(max(ls.run.step, other.step)))
    var series = arms.compactMap { arm -> PlotSeries? in
        guard let h = arm.1.metricHistory[metric.id.rawValue], !h.isEmpty else { return nil }
        return PlotSeries(name: arm.0, steps: h.steps, values: h.values, color: arm.2)
    }
    guard !series.isEmpty else { return }
    series += referenceLines(for: metric.id.rawValue, run: ls.run, checks: ls.lesson.checks, lastStep: lastStep)
    buffer.render(LinePlot(series: series, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep), in: area.inset(top: 4))
}

/// The step of the first evaluation whose value meets `op value`, if any.
func firstStep(_ history: SeriesHistory?, meeting target: (op: CheckCondition.Op, value: Double)) -> Int? {
    guard let history else { return nil }
    return zip(history.steps, history.values).first { CheckCondition.compare($0.1, target.op, target.value) }.map { Int($0.0.rounded()) }
}
