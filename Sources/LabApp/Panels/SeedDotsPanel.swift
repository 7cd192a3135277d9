import LabText
import RNNLab
import TerminalUI

/// A check verified over several seeds (`v`): each run's final value of the
/// check's metric as a dot on one line per arm, each arm's mean as a bar, and
/// the baseline and the check's thresholds as dotted columns, so the
/// seed-to-seed spread is seen beside the arm-to-arm difference. Shows the
/// selected check's verdict, else the first check verified with several runs.
/// A strip across the bottom, so the value axis has the dashboard's width.
struct SeedDotsPanel: DashboardPanel {
    let id = PanelKind.seedDots
    let placement = PanelPlacement.footer

    func title(_ context: PanelContext) -> String {
        guard let plot = SeedDots(context) else { return context.text(.seedDotsTitleNone) }
        return context.text(.seedDotsTitle, ["metric": .text(plot.metricLabel), "check": .text(plot.check),
                                              "runs": .integer(plot.arms.reduce(0) { $0 + $1.values.count })])
    }

    /// The heading, the spread, a line per arm, the axis and the key.
    func rows(_ context: PanelContext) -> PanelRows {
        PanelRows(minimum: 4, preferred: SeedDots(context).map { 4 + $0.arms.count })
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let plot = SeedDots(context) else {
            return drawPlaceholder(title(context), context.text(.seedDotsNone), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let spread = plot.arms.map { ($0.values.max() ?? 0) - ($0.values.min() ?? 0) }.max() ?? 0
        let between = plot.arms.count == 2 ? plot.format(abs(plot.arms[0].mean - plot.arms[1].mean)) : "–"
        buffer.write(context.text(.seedDotsSpread, ["within": .text(plot.format(spread)), "between": .text(between)]),
                     in: area.row(1), alignment: .left, style: LabTheme.dim)
        let labelWidth = min(area.width / 3, (plot.arms.map(\.label.displayWidth).max() ?? 0) + 1)
        let track = Rect(x: area.x + labelWidth, y: area.y + 2, width: area.width - labelWidth, height: area.height - 2)
        guard track.width >= 3 else { return }
        let ascii = !buffer.capabilities.unicodeGlyphs
        let colors = [LabTheme.validationColor, Color.yellow]
        for (i, arm) in plot.arms.enumerated() where track.y + i < area.maxY {
            let y = track.y + i
            let style = Style(foreground: colors[i % colors.count])
            buffer.write(arm.label.truncated(toDisplayWidth: max(0, labelWidth - 1)), x: area.x, y: y, style: style, maxWidth: labelWidth)
            for reference in plot.references {
                let column = plot.column(reference.value, width: track.width)
                if let e = reference.error {
                    let (left, right) = (plot.column(reference.value - e, width: track.width), plot.column(reference.value + e, width: track.width))
                    if left < column { buffer.write("[", x: track.x + left, y: y, style: LabTheme.dim, maxWidth: 1) }
                    if right > column { buffer.write("]", x: track.x + right, y: y, style: LabTheme.dim, maxWidth: 1) }
                }
                buffer.write(ascii ? ":" : "┆", x: track.x + column, y: y, style: LabTheme.dim, maxWidth: 1)
            }
            buffer.write(ascii ? "|" : "│", x: track.x + plot.column(arm.mean, width: track.width), y: y, style: style, maxWidth: 1)
            var counts: [Int: Int] = [:]
            for v in arm.values { counts[plot.column(v, width: track.width), default: 0] += 1 }
            for (column, n) in counts {
                let mark = n == 1 ? (ascii ? "o" : "●") : n < 10 ? String(n) : "+"
                buffer.write(mark, x: track.x + column, y: y, style: Style(foreground: colors[i % colors.count], attributes: .bold), maxWidth: 1)
            }
        }
        // The axis: the lowest value under the start of the track, the highest under its end.
        let axisY = track.y + plot.arms.count
        if axisY < area.maxY {
            let (low, high) = (plot.format(plot.range.lowerBound), plot.format(plot.range.upperBound))
            buffer.write(low, x: track.x, y: axisY, style: LabTheme.dim, maxWidth: track.width)
            if low.displayWidth + 1 + high.displayWidth <= track.width {
                buffer.write(high, x: track.maxX - high.displayWidth, y: axisY, style: LabTheme.dim, maxWidth: high.displayWidth)
            }
        }
        // The key: what the marks mean, the reference lines by name and value.
        if axisY + 1 < area.maxY {
            var spans = [Span((ascii ? "| " : "│ ") + context.text(.seedDotsMean), style: LabTheme.dim)]
            for reference in plot.references {
                let value = TextArgument.text(plot.format(reference.value))
                let text = reference.error.flatMap { e in reference.n.map { n in
                    context.language(.teach(.referenceWithError), ["label": .text(reference.name), "value": value, "error": .text(plot.format(e)), "n": .integer(n)])
                } } ?? context.language(.teach(.referenceValue), ["label": .text(reference.name), "value": value])
                spans.append(Span("  " + (ascii ? ": " : "┆ ") + text, style: LabTheme.dim))
            }
            buffer.write(spans, x: area.x, y: axisY + 1, maxWidth: area.width)
        }
    }
}

/// What the dot plot draws, from a verdict: the metric, each arm's runs and
/// the reference values, on one range.
struct SeedDots {
    struct Arm {
        var label: String
        var values: [Double]
        var mean: Double { values.reduce(0, +) / Double(max(1, values.count)) }
    }

    var check: String
    var metric: String
    var metricLabel: String
    var isFraction: Bool
    var arms: [Arm]
    /// Dotted columns: the baseline, the check's thresholds, and the results the
    /// lesson quotes from elsewhere (with a standard error, drawn as [ ] around them).
    var references: [(name: String, value: Double, error: Double?, n: Int?)]
    /// The values shown, references included, with a margin.
    var range: ClosedRange<Double>

    /// The plot of the selected check's verdict, else of the first check of the
    /// lesson verified with several runs; nil when no verdict has runs to show.
    init?(_ context: PanelContext) {
        let checks = context.lesson.checks
        let verified = checks.filter { !(context.verdicts[$0.id]?.verdict?.runValues.isEmpty ?? true) }
        guard let check = verified.first(where: { $0.id == context.selectedCheck }) ?? verified.first(where: \.isMultiRun) ?? verified.first,
              let verdict = context.verdicts[check.id]?.verdict else { return nil }
        self.init(check: check, verdict: verdict, lesson: context.lesson, run: context.run, context: context)
    }

    init?(check: LessonCheck, verdict: CheckVerdict, lesson: Lesson, run: RunState, context: PanelContext) {
        let named = check.expect.clauses.flatMap { CheckVocabulary.perRunMetrics(of: $0.metric) }
            .map { $0.hasPrefix("versus_") ? String($0.dropFirst(7)) : $0 }
        guard let metric = named.first(where: { m in verdict.runValues.contains { $0[m] != nil } }) else { return nil }
        let kind = run.lastMetrics.first { $0.id.rawValue == metric }?.kind
        self.check = check.id
        self.metric = metric
        metricLabel = kind.map { context.language.render($0.labelPhrase) } ?? metric
        isFraction = kind?.isFraction ?? false
        // Each arm named by the settings its `versus` changes: "cell lstm" against "cell gru".
        let settings = CheckEligibility.settings(of: check, in: lesson)
        func label(_ s: [String: SettingValue]) -> String {
            (check.versus?.keys.sorted() ?? []).map {
                context.text(.compareArmSetting, ["name": .text($0), "value": .text(s[$0]?.description ?? "?")])
            }.joined(separator: " ")
        }
        var arms = [Arm(label: check.versus == nil ? check.id : label(settings), values: verdict.runValues.compactMap { $0[metric] })]
        if let versus = check.versus, !verdict.versusRunValues.isEmpty {
            arms.append(Arm(label: label(settings.merging(versus) { _, v in v }), values: verdict.versusRunValues.compactMap { $0[metric] }))
        }
        self.arms = arms.filter { !$0.values.isEmpty }
        guard !self.arms.isEmpty else { return nil }
        var references: [(name: String, value: Double, error: Double?, n: Int?)] = []
        let baselines = verdict.runValues.compactMap { $0["baseline_" + metric] }
        if let b = baselines.first, b.isFinite { references.append((context.text(.baseline), b, nil, nil)) }
        for clause in thresholdClauses(for: metric, checks: [check]) where clause.value.isFinite {
            references.append((context.text(.threshold, ["op": .text("\(clause.op)"), "value": .text(PanelNumbers.setting(clause.value))]), clause.value, nil, nil))
        }
        for quoted in lesson.references where quoted.metric == metric && quoted.value.isFinite {
            references.append((quoted.label, quoted.value, quoted.standardError, quoted.n))
        }
        self.references = references
        let all = self.arms.flatMap(\.values).filter(\.isFinite) + references.flatMap { r in [r.value - (r.error ?? 0), r.value + (r.error ?? 0)] }
        var (low, high) = (all.min() ?? 0, all.max() ?? 1)
        let margin = max((high - low) * 0.05, abs(high) * 1e-3, 1e-9)
        (low, high) = (low - margin, high + margin)
        if isFraction { (low, high) = (max(0, low), min(1, high)) }
        range = low...high
    }

    /// The column of `value` on a track `width` columns wide (values off the range are pinned to its ends).
    func column(_ value: Double, width: Int) -> Int {
        guard value.isFinite, width > 1 else { return 0 }
        let t = (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        return min(width - 1, max(0, Int((t * Double(width - 1)).rounded())))
    }

    /// A value as the metric is read: fractions in percent.
    func format(_ v: Double) -> String {
        isFraction ? NumberFormat.fixed(v * 100, decimals: 1) + "%" : NumberFormat.compact(v, significantDigits: 3)
    }
}
