import LabText
import RNNLab
import TerminalUI

/// The task metric the checks name (else the task's first), as last evaluated.
/// Of several, a share (accuracy, exact match, solved) comes first: it reads on
/// a fixed 0…1 axis against its threshold, where the lesson's prose points
/// (lesson 3 names both mse and solved and describes the solved fraction).
func checkedMetric(_ run: RunState, checks: [LessonCheck]) -> Metric? {
    let named = Set(checks.flatMap { $0.expect.clauses.map(\.metric) + ($0.until?.clauses.map(\.metric) ?? []) })
    let candidates = run.lastMetrics.filter { named.contains($0.id.rawValue) }
    let shares = Set(MetricKind.taskMetrics.filter(\.isFraction).map(\.id))
    return candidates.first { shares.contains($0.id) } ?? candidates.first ?? run.lastMetrics.first
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

/// Horizontal lines for the lesson's checks' thresholds on `metric` and for
/// the best baseline of the context's run. A narrow one-row legend lets the
/// thresholds go before the baseline (`legendRank`).
func referenceLines(for metric: String, _ context: PanelContext, lastStep: Double) -> [PlotSeries] {
    var lines = thresholdClauses(for: metric, checks: context.lesson.checks).map {
        var line = PlotSeries(name: context.text(.threshold, ["op": .text("\($0.op)"), "value": .text(PanelNumbers.setting($0.value))]),
                              steps: [0, lastStep], values: [$0.value, $0.value], color: .green)
        line.legendRank = 2
        return line
    }
    if let b = context.run.baseline(metric), b.isFinite {
        var line = PlotSeries(name: context.text(.baseline), steps: [0, lastStep], values: [b, b], color: LabTheme.referenceColor)
        line.legendRank = 1
        lines.append(line)
    }
    return lines
}
