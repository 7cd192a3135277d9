import LabText
import RNNLab
import TerminalUI

/// The lesson's run beside its `compare` run, trained at the same time on the
/// same task and seed: one line each (the settings that differ, parameters,
/// step, the checked metric, the step it first met the check's threshold),
/// then that metric of both on one plot, thresholds and baseline as lines.
struct ComparePanel: DashboardPanel {
    let id = PanelKind.compare
    let placement = PanelPlacement.row
    /// The side-by-side table needs room for its columns: half the width.
    let width = Constraint.percentage(50)

    func title(_ context: PanelContext) -> String {
        guard let other = context.companion, context.lesson.compare != nil else { return context.text(.compareTitleNone) }
        // "conv_filters 32 vs 0": the settings are named once, on the lesson's run.
        return context.text(.compareTitle, ["run": .text(label(context.run, context)), "other": .text(values(other, context))])
    }

    func titles(_ context: PanelContext) -> [String] {
        guard let other = context.companion, context.lesson.compare != nil else { return [title(context)] }
        return [title(context), context.text(.compareTitleShort, ["run": .text(label(context.run, context)), "other": .text(values(other, context))]),
                valuesOnlyTitle(context, other)]
    }

    /// The narrowest heading, the values alone ("gru 0 vs lstm 1"): it keeps what is
    /// compared with what, and the table's header below names the settings.
    private func valuesOnlyTitle(_ context: PanelContext, _ other: RunState) -> String {
        context.text(.compareTitleShort, ["run": .text(values(context.run, context)), "other": .text(values(other, context))])
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let other = context.companion, context.lesson.compare != nil else {
            return drawPlaceholder(title(context), context.text(.compareNone), in: area, buffer: &buffer)
        }
        let (run, checks) = (context.run, context.lesson.checks)
        let keys = differingKeys(context)
        let arms = [(label(run, context), run, LabTheme.validationColor), (label(other, context), other, Color.yellow)]
        // The table's header names the differing settings; its rows give their values only.
        let rowNames = [values(run, context), values(other, context)]
        let title = heading(context, width: area.width, unicode: buffer.capabilities.unicode)
        drawHeading(title, in: area, buffer: &buffer)
        let metric = checkedMetric(run, checks: checks) ?? checkedMetric(other, checks: checks)
        let target = metric.flatMap { thresholdClauses(for: $0.id.rawValue, checks: checks).first }
        // A whole heading ("cell gru forget_bias 0 vs lstm 1") already names the settings the rows give values of;
        // the values-only one ("gru 0 vs lstm 1") leaves naming them to the table's header.
        let named = title.displayWidth <= area.width && title != valuesOnlyTitle(context, other)
        let table = compareTable(context, keys: keys, rowNames: rowNames, metric: metric, target: target, headingNames: named)
            .fitted(width: area.width, unicode: buffer.capabilities.unicode)
        buffer.write(table.headerLine, in: area.row(1), alignment: .left, style: LabTheme.dim)
        for (i, arm) in arms.enumerated() where area.height > 2 + i {
            let (_, run, color) = arm
            var line = table.rowLine(i)
            if let failure = run.failure {
                line = rowNames[i].padded(toColumns: table.layout.first?.width ?? 0, minimumGap: 1)
                    + context.text(.compareFailed, ["reason": .phrase(failure)])
            }
            if run.divergence != nil { line += " " + context.text(.compareDiverged) }
            buffer.write(line, in: area.row(2 + i), alignment: .left, style: Style(foreground: color))
        }
        guard let metric, area.height > 6 else { return }
        let lastStep = max(1, Double(max(run.step, other.step)))
        // A legend too narrow for "input_dropout 0 recurrent_dropout 0" names each line by its values ("0 0");
        // one setting ("hidden 8") is short enough to keep its name.
        var series = arms.enumerated().compactMap { i, arm -> PlotSeries? in
            guard let h = arm.1.metricHistory[metric.id.rawValue], !h.isEmpty else { return nil }
            var line = PlotSeries(name: arm.0, steps: h.steps, values: h.values, color: arm.2)
            if keys.count > 1 { line.shortName = rowNames[i] }
            return line
        }
        guard !series.isEmpty else { return }
        series += referenceLines(for: metric.id.rawValue, context, lastStep: lastStep)
        buffer.render(LinePlot(series: series, yRange: metric.isFraction ? 0...1 : nil, xRange: 0...lastStep,
                               language: context.language), in: area.inset(top: 4))
    }

    /// The compared settings, then any other that differs between the runs
    /// (a learning rate lowered after one run diverged).
    private func differingKeys(_ context: PanelContext) -> [String] {
        guard let other = context.companion, let compare = context.lesson.compare else { return [] }
        let settings = context.run.settings
        let differing = Set(settings.keys).union(other.settings.keys).filter { settings[$0] != other.settings[$0] }
        return compare.keys.sorted() + differing.subtracting(compare.keys).sorted()
    }

    /// A run's values of the settings that differ, in `label`'s order: "gru 0".
    private func values(_ run: RunState, _ context: PanelContext) -> String {
        differingKeys(context).map { run.settings[$0]?.description ?? "?" }.joined(separator: " ")
    }

    /// A run named by the settings that differ and its values of them: "cell gru forget_bias 0".
    private func label(_ run: RunState, _ context: PanelContext) -> String {
        differingKeys(context).map {
            context.text(.compareArmSetting, ["name": .text($0), "value": .text(run.settings[$0]?.description ?? "?")])
        }.joined(separator: " ")
    }
}

/// The step of the first evaluation whose value meets `op value`, if any.
func firstStep(_ history: SeriesHistory?, meeting target: (op: CheckCondition.Op, value: Double)) -> Int? {
    guard let history else { return nil }
    return zip(history.steps, history.values).first { CheckCondition.compare($0.1, target.op, target.value) }.map { Int($0.0.rounded()) }
}

extension ComparePanel {
    /// The table of the two runs, all its columns, and how it narrows: the
    /// metric's name is abbreviated first ("accuracy" → "acc"), then the
    /// settings' names leave the header when the heading above names them
    /// (`headingNames`), then the parameters leave, then the step; the
    /// metric's values and the step each run first met the check's threshold
    /// never leave.
    struct RunsTable {
        var table: CompareTable
        var steps: [CompareTable.Step]

        func fitted(width: Int, unicode: Bool = true) -> CompareTable {
            table.fitted(width: width, steps: steps, unicode: unicode)
        }
    }

    fileprivate func compareTable(_ context: PanelContext, keys: [String], rowNames: [String], metric: Metric?,
                                  target: (op: CheckCondition.Op, value: Double)?, headingNames: Bool) -> RunsTable {
        let runs = [context.run] + [context.companion].compactMap { $0 }
        let names = keys.joined(separator: " ")
        var columns = [CompareTable.Column(headers: [names] + (headingNames ? [""] : []), cells: rowNames, minimum: 5),
                       CompareTable.Column(headers: [context.text(.compareParameters)],
                                           cells: runs.map { $0.isReady ? "\($0.parameterCount)" : "…" }, minimum: 6),
                       CompareTable.Column(headers: [context.text(.compareStep)], cells: runs.map { "\($0.step)" }, minimum: 5)]
        var steps: [CompareTable.Step] = []
        if let metric {
            let label = context.language.render(metric.kind.labelPhrase)
            let short = Self.metricAbbreviation(metric.id).map { context.text($0) }
            columns.append(CompareTable.Column(headers: [label] + (short.map { [$0] } ?? []), cells: runs.map {
                $0.lastMetrics.first { $0.id == metric.id }.map(PanelNumbers.metric) ?? "–"
            }, minimum: 6))
            steps.append(.shorten(columns.count - 1))
            if let target {
                columns.append(CompareTable.Column(
                    headers: [context.text(.compareFirstMet, ["condition": .text("\(target.op)\(PanelNumbers.setting(target.value))")])],
                    cells: runs.map { firstStep($0.metricHistory[metric.id.rawValue], meeting: target).map { "\($0)" } ?? "–" }))
            }
        }
        return RunsTable(table: CompareTable(columns: columns), steps: steps + [.shorten(0), .drop(1), .drop(2)])
    }

    /// The short name of a task metric whose label is long, for a narrow header.
    static func metricAbbreviation(_ id: MetricID) -> PanelKey? {
        switch id {
        case .accuracy: return .accuracyAbbreviated
        case .bitsPerChar: return .bitsPerCharAbbreviated
        case .exactMatch: return .exactMatchAbbreviated
        case .crossEntropy: return .crossEntropyAbbreviated
        default: return nil
        }
    }
}
